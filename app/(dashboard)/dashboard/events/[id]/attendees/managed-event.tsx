import Link from "next/link";
import { notFound } from "next/navigation";
import { can, type Action } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { getEvent } from "@/lib/domain/events";
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

/** Tabs between the organizer's attendee list, orders, waitlist and check-in progress of one event. */
export function AttendeeTabs({ eventId, current }: { eventId: string; current: "attendees" | "orders" | "waitlist" | "arrivals" }) {
  const tabs = [
    { key: "attendees", href: `/dashboard/events/${eventId}/attendees`, label: "Attendees" },
    { key: "orders", href: `/dashboard/events/${eventId}/orders`, label: "Orders" },
    { key: "waitlist", href: `/dashboard/events/${eventId}/waitlist`, label: "Waitlist" },
    { key: "arrivals", href: `/dashboard/events/${eventId}/arrivals`, label: "Arrivals" },
  ] as const;
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
