import { and, between, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { boundedDay } from "@/lib/domain/instants";
import { analyticsScope, readableEventStats, scopeFilter } from "./analytics-scope";
import { buckets, rollUp, type DailyPoint } from "./roll-up";
import { dailyStats } from "./schema";
import { addDays, daysInclusive, todayUtc } from "./utc-dates";

/** The longest range one request may ask for: a leap year, both ends included. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const utcDate = boundedDay("Use a UTC calendar date, YYYY-MM-DD.");

export const getDailyAnalyticsInput = z.object({
  from: utcDate.optional(),
  to: utcDate.optional(),
  eventId: z.string().optional(),
  bucket: z.enum(buckets).default("day"),
});

export type DailyAnalytics = { from: string; to: string; bucket: (typeof buckets)[number]; data: DailyPoint[] };

/** Defaults: `to` is today (UTC), `from` the 30-day window ending at `to`. */
function resolveRange(input: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = input.to ?? todayUtc(now);
  const from = input.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw new Validation("INVALID_RANGE", "`from` must not be after `to`.", [{ path: "from", message: "Must be on or before `to`." }]);
  if (daysInclusive(from, to) > MAX_RANGE_DAYS) {
    throw new Validation("RANGE_TOO_LARGE", `Ask for at most ${MAX_RANGE_DAYS} days at a time.`, [
      { path: "to", message: `The range may span at most ${MAX_RANGE_DAYS} days.` },
    ]);
  }
  return { from, to };
}

/**
 * Activity per UTC day over the caller's events (or one of them), summed across events, as a
 * dense series: every day in range appears, with zeros when nothing happened. `bucket` rolls
 * the days up into ISO weeks (starting Monday) or calendar months. Reads daily_stats only.
 */
export async function getDailyAnalytics({ ctx, input }: { ctx: Ctx; input: z.input<typeof getDailyAnalyticsInput> }): Promise<DailyAnalytics> {
  const parsed = getDailyAnalyticsInput.parse(input);
  const scope = analyticsScope(ctx);
  const { from, to } = resolveRange(parsed, ctx.now());
  if (parsed.eventId !== undefined) await readableEventStats(ctx, parsed.eventId);
  const rows = await ctx.db
    .select({
      date: dailyStats.date,
      bookings: sql<number>`sum(${dailyStats.bookings})::int`,
      seatsSold: sql<number>`sum(${dailyStats.seatsSold})::int`,
      cancellations: sql<number>`sum(${dailyStats.cancellations})::int`,
      revenueCents: sql<number>`sum(${dailyStats.revenueCents})::float8`,
      seatsCancelled: sql<number>`sum(${dailyStats.seatsCancelled})::int`,
      revenueCancelledCents: sql<number>`sum(${dailyStats.revenueCancelledCents})::float8`,
    })
    .from(dailyStats)
    .where(
      and(
        between(dailyStats.date, from, to),
        parsed.eventId !== undefined ? eq(dailyStats.eventId, parsed.eventId) : scopeFilter(scope, dailyStats.organizerId),
      ),
    )
    .groupBy(dailyStats.date);
  return { from, to, bucket: parsed.bucket, data: rollUp(rows, from, to, parsed.bucket) };
}
