import type { Metadata } from "next";
import Link from "next/link";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import { CancelBookingButton } from "@/app/(account)/bookings/cancel-booking-button";
import { EmptyState, Card, PageHeader } from "@/app/_components/ui/card";
import { DataTable, RowActions } from "@/app/_components/ui/table";
import { can, getUsersByIds } from "@/lib/domain/auth";
import { listEventAudit, listEventBookings, listTicketCheckIns } from "@/lib/domain/bookings";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { AuditTrail } from "./audit-trail";
import { bookingStatusWords } from "./booking-status";
import { AttendeeTabs, eventSubtitle, managedEvent } from "./managed-event";

export const metadata: Metadata = { title: "Attendees" };

/** The organizer's attendee list: who booked, their tickets, cancel on their behalf, CSV export and the audit trail. */
export default async function AttendeesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { id } = await params;
  const { cursor } = await searchParams;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/attendees`);
  if (!allowed) return <OrganizersOnly title="Attendees" />;
  const event = await managedEvent(ctx, id, "order:view");
  const { page } = await loadFromCursor(cursor, (from) => listEventBookings({ ctx, input: { eventId: id, limit: 50, cursor: from } }));
  const audit = await listEventAudit({ ctx, input: { eventId: id, limit: 50 } });
  const userIds = [...page.data.map((b) => b.userId), ...audit.flatMap((a) => (a.actorId ? [a.actorId] : []))];
  const users = new Map((await getUsersByIds({ ctx, input: { ids: userIds } })).map((u) => [u.id, u]));
  const checkIns = await listTicketCheckIns({ ctx, input: { eventId: id, orderIds: page.data.map((b) => b.id) } });
  const names = new Map([...users].map(([uid, u]) => [uid, u.name || u.email]));
  const seats = event.capacity - event.seatsAvailable;

  return (
    <>
      <PageHeader
        title={`Attendees · ${event.title}`}
        description={`${eventSubtitle(event)} · ${seats.toLocaleString("en")} of ${event.capacity.toLocaleString("en")} seats taken`}
        actions={
          can(ctx.actor, "attendees:export", { organizerId: event.organizerId, organizationId: event.organizationId }) ? (
            <a href={`/dashboard/events/${id}/attendees/export`} className="text-sm font-medium text-brand-700 underline" download>
              Export CSV
            </a>
          ) : undefined
        }
      />
      <AttendeeTabs ctx={ctx} event={event} current="attendees" />
      {page.data.length === 0 ? (
        <EmptyState title="No bookings yet" />
      ) : (
        <DataTable columns={["Attendee", "Seats", "Status", "Booked", "Tickets", "Checked in", { label: "Actions", hidden: true }]} testId="attendees">
          {page.data.map((b) => {
            const user = users.get(b.userId);
            return (
              <tr key={b.id}>
                <td data-label="Attendee">
                  <div className="font-medium text-slate-900">{user?.name ?? "Unknown user"}</div>
                  <div className="text-xs text-slate-500">{user?.email ?? b.userId}</div>
                </td>
                <td data-label="Seats" className="text-slate-700">
                  {b.quantity} · {formatPrice(b.totalCents, b.currency)}
                  {b.source === "waitlist" ? <div className="text-xs text-slate-500">from waitlist</div> : null}
                </td>
                <td data-label="Status" className="text-slate-700">{bookingStatusWords(b.status, b.cancelledBy)}</td>
                <td data-label="Booked" className="text-slate-700">{formatUtc(new Date(b.createdAt))}</td>
                <td data-label="Tickets" className="font-mono text-xs text-slate-700">{b.items.map((i) => i.ticketCode).join(" ")}</td>
                <td data-label="Checked in" className="text-slate-700">
                  <CheckInCell items={b.items} checkIns={checkIns} timeZone={event.timezone} />
                </td>
                <td>{b.status === "confirmed" ? <RowActions><CancelBookingButton bookingId={b.id} /></RowActions> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/dashboard/events/${id}/attendees?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm text-brand-700 underline" rel="next">
            Older bookings →
          </Link>
        </p>
      ) : null}
      <div className="mt-8">
        <Card title="Audit trail">
          <AuditTrail rows={audit} names={names} currency={event.currency} />
        </Card>
      </div>
    </>
  );
}

/** "2 of 3 in" with each arrival's time on the event's clock, or "Not yet". */
function CheckInCell({ items, checkIns, timeZone }: { items: { id: string }[]; checkIns: Map<string, Date>; timeZone: string }) {
  const times = items.flatMap((i) => (checkIns.has(i.id) ? [checkIns.get(i.id)!] : []));
  if (times.length === 0) return <>Not yet</>;
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone });
  return (
    <>
      {times.length} of {items.length} in
      <div className="text-xs text-slate-500">{times.map((t) => clock.format(t)).join(", ")}</div>
    </>
  );
}
