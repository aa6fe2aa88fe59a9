import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/app/_components/ui/card";
import { ButtonLink } from "@/app/_components/ui/button";
import { DataTable } from "@/app/_components/ui/table";
import { checkInArrivals, checkInStats } from "@/lib/domain/bookings";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { AttendeeTabs, eventSubtitle, managedEvent } from "../attendees/managed-event";
import { LiveRefresh } from "./live-refresh";

export const metadata: Metadata = { title: "Arrivals" };

const REFRESH_SECONDS = 15;

/** Check-in progress during the event: how many are in, per ticket type, and arrivals per 10 minutes of the event's clock. */
export default async function ArrivalsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/arrivals`);
  if (!allowed) return <OrganizersOnly title="Arrivals" />;
  const event = await managedEvent(ctx, id, "checkin:scan");
  const [stats, slots] = await Promise.all([checkInStats({ ctx, input: { eventId: id } }), checkInArrivals({ ctx, input: { eventId: id, timeZone: event.timezone } })]);
  const busiest = Math.max(1, ...slots.map((s) => s.arrivals));
  const percent = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));

  return (
    <>
      <LiveRefresh seconds={REFRESH_SECONDS} />
      <PageHeader title={`Arrivals · ${event.title}`} description={eventSubtitle(event)} actions={<ButtonLink href={`/dashboard/events/${id}/check-in`}>Open scanner</ButtonLink>} />
      <AttendeeTabs ctx={ctx} event={event} current="arrivals" />
      <div className="space-y-6">
        <Card title="Checked in">
          <p className="text-3xl font-semibold text-slate-900" data-testid="checked-in-total">
            {stats.checkedIn.toLocaleString("en")} <span className="text-base font-normal text-slate-600">of {stats.tickets.toLocaleString("en")} tickets ({percent(stats.checkedIn, stats.tickets)}%)</span>
          </p>
          <p className="mt-1 text-xs text-slate-500">Updates every {REFRESH_SECONDS} seconds.</p>
        </Card>
        {stats.byTicketType.length > 0 ? (
          <DataTable columns={["Ticket type", "Checked in", "Tickets", "Share"]} testId="check-in-by-type">
            {stats.byTicketType.map((t) => (
              <tr key={t.ticketTypeId}>
                <td data-label="Ticket type" className="font-medium text-slate-900">{t.name}</td>
                <td data-label="Checked in" className="text-slate-700">{t.checkedIn.toLocaleString("en")}</td>
                <td data-label="Tickets" className="text-slate-700">{t.tickets.toLocaleString("en")}</td>
                <td data-label="Share" className="text-slate-700">{percent(t.checkedIn, t.tickets)}%</td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        <Card title={`Arrivals per 10 minutes (${event.timezone})`}>
          {slots.length === 0 ? (
            <EmptyState title="Nobody checked in yet" />
          ) : (
            <ol className="space-y-1" data-testid="arrivals">
              {slots.map((s) => (
                <li key={s.slot} className="flex items-center gap-3 text-sm">
                  <span className="w-28 shrink-0 font-mono text-slate-700">
                    {s.slot.slice(5, 10)} {s.slot.slice(11)}
                  </span>
                  <span className="h-4 rounded bg-brand-600" style={{ width: `${(s.arrivals / busiest) * 70}%` }} aria-hidden="true" />
                  <span className="text-slate-800">{s.arrivals}</span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
