import type { Metadata } from "next";
import Link from "next/link";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { EventStatusBadge } from "@/app/(public)/_components/event-status-badge";
import { Alert } from "@/app/_components/ui/alert";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, RowActions } from "@/app/_components/ui/table";
import { can, type Action } from "@/lib/domain/auth";
import { listEvents, type Event } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";
import { loadFromCursor } from "@/lib/web/list-cursor";
import { organizerAccess, OrganizersOnly, VerifyToOrganize } from "./_components/organizer-access";
import { PublishButton } from "./_components/publish-button";

export const metadata: Metadata = { title: "My events" };

type Search = Partial<Record<"cursor" | "created" | "updated" | "cancelled", string | string[]>>;

const NOTICES = {
  created: "Draft saved. It stays private until you publish it.",
  updated: "Changes saved.",
  cancelled: "Event cancelled. Its bookings are being cancelled and every holder emailed.",
} as const;

/** The events of the caller's organizations, of every status, soonest first (admins see every organizer's). */
export default async function MyEventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { ctx, allowed, creates, verified, email } = await organizerAccess("/dashboard/events");
  if (!allowed) return <OrganizersOnly title="My events" />;
  const search = await searchParams;
  const { page, notice: cursorNotice } = await loadFromCursor(search.cursor, (cursor) => listEvents({ ctx, input: { scope: "manage", cursor, limit: 25 } }));
  const notice = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((key) => search[key]);
  const admin = ctx.actor.type === "user" && ctx.actor.role === "admin";
  // Each member sees the events of their organizations, but only the actions their role allows (finance: no edit, check-in staff: the door).
  const may = (event: Pick<Event, "organizerId" | "organizationId">, action: Action) => can(ctx.actor, action, { organizerId: event.organizerId, organizationId: event.organizationId });

  return (
    <>
      <PageHeader
        title="My events"
        description={admin ? "Every organizer's events (you are an admin)." : "Drafts, published and cancelled events of your organizations."}
        actions={verified && creates ? <ButtonLink href="/dashboard/events/new">New event</ButtonLink> : undefined}
      />
      {verified ? null : (
        <div className="mb-6">
          <VerifyToOrganize email={email} />
        </div>
      )}
      {cursorNotice ? <Alert tone="warning">{cursorNotice}</Alert> : null}
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{NOTICES[notice]}</Alert>
        </div>
      ) : null}
      {page.data.length === 0 ? (
        <EmptyState title="No events yet">
          {verified ? (
            <>
              <Link href="/dashboard/events/new" className="text-brand-700 underline">
                Create your first event
              </Link>{" "}
              and publish it when it is ready.
            </>
          ) : (
            "Once your email address is confirmed you can create your first event here."
          )}
        </EmptyState>
      ) : (
        <DataTable columns={["Event", "Starts", "Status", "Seats left", "Price", { label: "Actions", hidden: true }]}>
          {page.data.map((event) => (
            <tr key={event.id} data-testid={`event-row-${event.id}`}>
              <td data-label="Event">
                <Link href={`/events/${event.id}`} className="font-medium text-slate-900 hover:underline">
                  {event.title}
                </Link>
                <div className="text-xs text-slate-500">{event.venue}</div>
              </td>
              <td data-label="Starts" className="text-slate-700">{formatEventTime(event.startsAt, event.timezone)}</td>
              <td data-label="Status">
                <EventStatusBadge event={event} />
              </td>
              <td data-label="Seats left" className="text-slate-700">
                {event.seatsAvailable.toLocaleString("en")} / {event.capacity.toLocaleString("en")}
              </td>
              <td data-label="Price" className="whitespace-nowrap text-slate-700">{formatPrice(event.priceCents, event.currency)}</td>
              <td>
                <RowActions>
                  {event.status === "draft" && verified && may(event, "event:manage") ? <PublishButton id={event.id} title={event.title} /> : null}
                  {may(event, "event:manage") ? (
                    <>
                      <Link href={`/dashboard/events/${event.id}/tickets`} className="font-medium text-brand-700 hover:underline" aria-label={`Tickets of ${event.title}`}>
                        Tickets
                      </Link>
                      <Link href={`/dashboard/events/${event.id}/promo-codes`} className="font-medium text-brand-700 hover:underline" aria-label={`Promo codes of ${event.title}`}>
                        Promo codes
                      </Link>
                    </>
                  ) : null}
                  {event.status !== "draft" ? (
                    <>
                      {may(event, "order:view") ? (
                        <Link href={`/dashboard/events/${event.id}/attendees`} className="font-medium text-brand-700 hover:underline" aria-label={`Attendees of ${event.title}`}>
                          Attendees
                        </Link>
                      ) : null}
                      {may(event, "attendees:message") ? (
                        <Link href={`/dashboard/events/${event.id}/messages`} className="font-medium text-brand-700 hover:underline" aria-label={`Messages to attendees of ${event.title}`}>
                          Messages
                        </Link>
                      ) : null}
                      {may(event, "waitlist:manage") ? (
                        <Link href={`/dashboard/events/${event.id}/waitlist`} className="font-medium text-brand-700 hover:underline" aria-label={`Waitlist of ${event.title}`}>
                          Waitlist
                        </Link>
                      ) : null}
                      {may(event, "analytics:read") ? (
                        <Link href={`/dashboard/analytics/${event.id}`} className="font-medium text-brand-700 hover:underline" aria-label={`Analytics of ${event.title}`}>
                          Analytics
                        </Link>
                      ) : null}
                    </>
                  ) : null}
                  {event.status === "published" && may(event, "checkin:scan") ? (
                    <Link href={`/dashboard/events/${event.id}/arrivals`} className="font-medium text-brand-700 hover:underline" aria-label={`Check-in of ${event.title}`}>
                      Check-in
                    </Link>
                  ) : null}
                  {event.status !== "cancelled" && may(event, "event:manage") ? (
                    <>
                      <Link href={`/dashboard/events/${event.id}/edit`} className="font-medium text-brand-700 hover:underline" aria-label={`Edit ${event.title}`}>
                        Edit
                      </Link>
                      <Link href={`/dashboard/events/${event.id}/cancel`} className="font-medium text-red-700 hover:underline" aria-label={`Cancel ${event.title}`}>
                        Cancel
                      </Link>
                    </>
                  ) : null}
                </RowActions>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pagination" className="mt-6 flex justify-between text-sm">
        {search.cursor ? (
          <Link href="/dashboard/events" className="text-brand-700 underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/dashboard/events?cursor=${page.nextCursor}`} className="text-brand-700 underline" rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
