import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { authorize, can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { getEvent, type Event } from "@/lib/domain/events";
import { isUuid } from "@/lib/domain/ids";
import { eventStats } from "./schema";

/** Whose numbers a reader sees: an admin (or a job) sees every event, an organizer their own. */
export type AnalyticsScope = { kind: "all" } | { kind: "organizer"; organizerId: string };

/** 401 for anonymous callers, 403 for users who have no analytics at all (attendees). */
export function analyticsScope(ctx: Ctx): AnalyticsScope {
  authorize(ctx.actor, "analytics:read");
  if (ctx.actor.type === "user" && ctx.actor.role !== "admin") return { kind: "organizer", organizerId: ctx.actor.userId };
  return { kind: "all" };
}

/** The WHERE condition that keeps a query inside the scope (`undefined` when it sees everything). */
export function scopeFilter(scope: AnalyticsScope, organizerColumn: AnyPgColumn): SQL | undefined {
  return scope.kind === "organizer" ? eq(organizerColumn, scope.organizerId) : undefined;
}

export type EventStatsRow = typeof eventStats.$inferSelect;

const notFound = () => new NotFound("NOT_FOUND", "Event not found.");

/**
 * The stats row of an event the caller may read. Another organizer's event answers 404, like a
 * missing one, so analytics never reveal which ids exist. An event whose first fact is not
 * applied yet (seconds after creation) reads as all zeros, from the events domain.
 */
export async function readableEventStats(ctx: Ctx, eventId: string): Promise<EventStatsRow> {
  analyticsScope(ctx);
  if (!isUuid(eventId)) throw notFound();
  const [row] = await ctx.db.select().from(eventStats).where(eq(eventStats.eventId, eventId)).limit(1);
  // The event's organization decides who reads its figures; the stats row knows only the organizer.
  const event = await getEvent({ ctx, input: { id: eventId } });
  const stats = row ?? (event ? zeroStatsFromEvent(event) : null);
  const resource = { organizerId: stats?.organizerId, organizationId: event?.organizationId ?? null };
  if (!stats || !can(ctx.actor, "analytics:read", resource)) throw notFound();
  return stats;
}

function zeroStatsFromEvent(event: Event): EventStatsRow {
  return {
    eventId: event.id,
    organizerId: event.organizerId,
    title: event.title,
    capacity: event.capacity,
    currency: event.currency,
    status: event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    eventVersion: event.version,
    seatsSold: 0,
    bookingsConfirmed: 0,
    bookingsCancelled: 0,
    revenueCents: 0,
    grossCents: 0,
    refundsCents: 0,
    waitlistWaiting: 0,
    updatedAt: event.updatedAt,
  };
}
