import { eq, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { authorize, can } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
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

/**
 * The stats row of an event the caller may read. Another organizer's event answers 404, like
 * a missing one, so analytics never reveal which ids exist.
 */
export async function readableEventStats(ctx: Ctx, eventId: string): Promise<EventStatsRow | null> {
  analyticsScope(ctx);
  if (!isUuid(eventId)) throw new NotFound("NOT_FOUND", "Event not found.");
  const [row] = await ctx.db.select().from(eventStats).where(eq(eventStats.eventId, eventId)).limit(1);
  if (!row) return null;
  if (!can(ctx.actor, "analytics:read", { organizerId: row.organizerId })) throw new NotFound("NOT_FOUND", "Event not found.");
  return row;
}
