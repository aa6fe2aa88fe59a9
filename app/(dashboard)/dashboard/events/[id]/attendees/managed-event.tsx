import Link from "next/link";
import { notFound } from "next/navigation";
import { can, type Action } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { getEvent, type Event } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";

/**
 * The event an organizer page is about, if the caller may do `action` to it (their
 * organization's, or any for admins); anyone else gets 404.
 */
export async function managedEvent(ctx: Ctx, id: string, action: Action = "event:manage") {
  const event = await getEvent({ ctx, input: { id } });
  if (!event || !can(ctx.actor, action, { organizerId: event.organizerId, organizationId: event.organizationId })) notFound();
  return event;
}

export function eventSubtitle(event: { venue: string; startsAt: Date; timezone: string }): string {
  return `${event.venue} · ${formatEventTime(event.startsAt, event.timezone)}`;
}

/**
 * Tabs between the attendee list, orders, waitlist and check-in progress of one event: only
 * those the caller's role opens (finance has no waitlist, check-in staff only arrivals).
 */
export function AttendeeTabs({ ctx, event, current }: { ctx: Ctx; event: Pick<Event, "id" | "organizerId" | "organizationId">; current: "attendees" | "orders" | "waitlist" | "arrivals" }) {
  const resource = { organizerId: event.organizerId, organizationId: event.organizationId };
  const tabs = (
    [
      { key: "attendees", href: `/dashboard/events/${event.id}/attendees`, label: "Attendees", action: "order:view" },
      { key: "orders", href: `/dashboard/events/${event.id}/orders`, label: "Orders", action: "order:view" },
      { key: "waitlist", href: `/dashboard/events/${event.id}/waitlist`, label: "Waitlist", action: "waitlist:manage" },
      { key: "arrivals", href: `/dashboard/events/${event.id}/arrivals`, label: "Arrivals", action: "checkin:scan" },
    ] as const
  ).filter((tab) => can(ctx.actor, tab.action, resource));
  return (
    <nav aria-label="Event people" className="mb-6 flex gap-2 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === current ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
