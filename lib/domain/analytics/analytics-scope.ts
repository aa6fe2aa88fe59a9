import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { authorize, can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { getEvent, type Event } from "@/lib/domain/events";
import { isUuid } from "@/lib/domain/ids";
import { eventStats } from "./schema";

/**
 * Whose numbers a reader sees: an admin (or a job) every event; anyone else the events of every
 * organization where their role reads analytics (owner, manager, finance), and their own events
 * outside any organization.
 */
export type AnalyticsScope = { kind: "all" } | { kind: "member"; userId: string; organizationIds: string[] };

/** 401 for anonymous callers, 403 for users whose roles read no analytics anywhere (attendees, check-in staff). */
export function analyticsScope(ctx: Ctx): AnalyticsScope {
  authorize(ctx.actor, "analytics:read");
  const actor = ctx.actor;
  if (actor.type !== "user" || actor.role === "admin") return { kind: "all" };
  const organizationIds = (actor.memberships ?? []).map((m) => m.organizationId).filter((organizationId) => can(actor, "analytics:read", { organizationId }));
  return { kind: "member", userId: actor.userId, organizationIds };
}

/** The WHERE condition on event_stats that keeps a query inside the scope (`undefined` when it sees everything). */
export function statsInScope(scope: AnalyticsScope): SQL | undefined {
  if (scope.kind === "all") return undefined;
  // Before an event's first snapshot arrives its row names no organization: only its organizer outside any sees it.
  const own = and(isNull(eventStats.organizationId), eq(eventStats.organizerId, scope.userId));
  return scope.organizationIds.length > 0 ? or(inArray(eventStats.organizationId, scope.organizationIds), own) : own;
}

/**
 * The same scope for a table keyed by event (daily rows): its events are those of the scope's
 * stats rows, so the organization is held in one place, the row the event snapshots fill.
 */
export function eventsInScope(ctx: Ctx, scope: AnalyticsScope, eventIdColumn: AnyPgColumn): SQL | undefined {
  if (scope.kind === "all") return undefined;
  return inArray(eventIdColumn, ctx.db.select({ eventId: eventStats.eventId }).from(eventStats).where(statsInScope(scope)));
}

export type EventStatsRow = typeof eventStats.$inferSelect;

const notFound = () => new NotFound("NOT_FOUND", "Event not found.");

/**
 * The stats row of an event the caller may read. An event of an organization the caller cannot read analytics in answers 404, like a
 * missing one, so analytics never reveal which ids exist. An event whose first fact is not
 * applied yet (seconds after creation) reads as all zeros, from the events domain.
 */
export async function readableEventStats(ctx: Ctx, eventId: string): Promise<EventStatsRow> {
  analyticsScope(ctx);
  if (!isUuid(eventId)) throw notFound();
  const [row] = await ctx.db.select().from(eventStats).where(eq(eventStats.eventId, eventId)).limit(1);
  // The event's organization decides who reads its figures. The row has it once the event's
  // snapshot is applied; before that (or with no row yet) the events domain answers.
  const event = row?.organizationId ? null : await getEvent({ ctx, input: { id: eventId } });
  const stats = row ?? (event ? zeroStatsFromEvent(event) : null);
  const resource = { organizerId: stats?.organizerId, organizationId: row?.organizationId ?? event?.organizationId ?? null };
  if (!stats || !can(ctx.actor, "analytics:read", resource)) throw notFound();
  return stats;
}

function zeroStatsFromEvent(event: Event): EventStatsRow {
  return {
    eventId: event.id,
    organizerId: event.organizerId,
    organizationId: event.organizationId ?? null,
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
