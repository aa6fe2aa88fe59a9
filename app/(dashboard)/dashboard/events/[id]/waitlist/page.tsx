import type { Metadata } from "next";
import Link from "next/link";
import { formatUtc } from "@/app/(public)/_components/event-format";
import { LeaveWaitlistButton } from "@/app/_components/booking/live-position";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/table";
import { getUsersByIds } from "@/lib/domain/auth";
import { listEventWaitlist } from "@/lib/domain/bookings";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { organizerAccess, OrganizersOnly } from "../../_components/organizer-access";
import { AttendeeTabs, eventSubtitle, managedEvent } from "../attendees/managed-event";
import { PriorityForm } from "./priority-form";

export const metadata: Metadata = { title: "Waitlist" };

const STATUS: Record<string, string> = { booked: "Booked", left: "Left", closed: "Closed" };

/** An event's waitlist in serving order, with priority editing (audited) and removal. */
export default async function EventWaitlistPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string | string[] }> }) {
  const { id } = await params;
  const { cursor } = await searchParams;
  const { ctx, allowed } = await organizerAccess(`/dashboard/events/${id}/waitlist`);
  if (!allowed) return <OrganizersOnly title="Waitlist" />;
  const event = await managedEvent(ctx, id, "waitlist:manage");
  const { page } = await loadFromCursor(cursor, (from) => listEventWaitlist({ ctx, input: { eventId: id, limit: 50, cursor: from } }));
  const users = new Map((await getUsersByIds({ ctx, input: { ids: page.data.map((e) => e.userId) } })).map((u) => [u.id, u]));

  return (
    <>
      <PageHeader title={`Waitlist · ${event.title}`} description={`${eventSubtitle(event)} · served by priority (highest first), then by joining time`} />
      <AttendeeTabs ctx={ctx} event={event} current="waitlist" />
      {page.data.length === 0 ? (
        <EmptyState title="Nobody is waiting" />
      ) : (
        <DataTable columns={["Place", "Who", "Seats", "Joined", "Priority", { label: "Actions", hidden: true }]} testId="waitlist">
          {page.data.map((entry) => {
            const user = users.get(entry.userId);
            const waiting = entry.status === "waiting";
            return (
              <tr key={entry.id} className={waiting ? "" : "text-slate-500"}>
                <td data-label="Place" className="font-medium">{waiting ? entry.position : STATUS[entry.status]}</td>
                <td data-label="Who">
                  <div className="font-medium text-slate-900">{user?.name ?? "Unknown user"}</div>
                  <div className="text-xs text-slate-500">{user?.email ?? entry.userId}</div>
                </td>
                <td data-label="Seats">{entry.quantity}</td>
                <td data-label="Joined">{formatUtc(new Date(entry.createdAt))}</td>
                <td data-label="Priority">{waiting ? <PriorityForm entryId={entry.id} eventId={id} priority={entry.priority} /> : entry.priority}</td>
                <td>{waiting ? <LeaveWaitlistButton entryId={entry.id} eventId={id} label="Remove" /> : null}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      {page.nextCursor ? (
        <p className="mt-4">
          <Link href={`/dashboard/events/${id}/waitlist?cursor=${encodeURIComponent(page.nextCursor)}`} className="text-sm text-brand-700 underline" rel="next">
            More →
          </Link>
        </p>
      ) : null}
    </>
  );
}
