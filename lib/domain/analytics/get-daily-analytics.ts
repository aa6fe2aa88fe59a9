import { and, between, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { boundedDay } from "@/lib/domain/instants";
import { analyticsScope, eventsInScope, readableEventStats, statsInScope } from "./analytics-scope";
import { currencyOption, mainCurrency, revenueByCurrency, type CurrencyRevenue } from "./money";
import { buckets, rollUp } from "./roll-up";
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
  currency: currencyOption,
});

/**
 * One day (or bucket). Counts cover every currency; `revenueCents` (net: that day's sales minus
 * that day's refunds, may be negative), `grossCents`, `refundsCents` and `revenueCancelledCents`
 * are in the series' one `currency`; `revenue` lists every currency the caller sells in (or the event's), the headline one first,
 * each with its own events' counts.
 */
export type DailyPoint = {
  date: string;
  bookings: number;
  seatsSold: number;
  cancellations: number;
  seatsCancelled: number;
  revenueCents: number;
  revenueCancelledCents: number;
  grossCents: number;
  refundsCents: number;
  netCents: number;
  revenue: DailyCurrencyPoint[];
};

/** One currency's share of a day: its events' counts and their money. */
export type DailyCurrencyPoint = CurrencyRevenue & { bookings: number; seatsSold: number; cancellations: number; seatsCancelled: number };

export type DailyAnalytics = { from: string; to: string; bucket: (typeof buckets)[number]; currency: string; currencies: string[]; data: DailyPoint[] };

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
 * the days up into ISO weeks (starting Monday) or calendar months. Money is summed per
 * currency, never across: the headline figures are in `currency` (asked for, else the event's,
 * else the caller's main one). Reads daily_stats (and event_stats for the main currency) only.
 */
export async function getDailyAnalytics({ ctx, input }: { ctx: Ctx; input: z.input<typeof getDailyAnalyticsInput> }): Promise<DailyAnalytics> {
  const parsed = getDailyAnalyticsInput.parse(input);
  const scope = analyticsScope(ctx);
  const { from, to } = resolveRange(parsed, ctx.now());
  const event = parsed.eventId !== undefined ? await readableEventStats(ctx, parsed.eventId) : null;
  const inScope = event ? eq(dailyStats.eventId, event.eventId) : eventsInScope(ctx, scope, dailyStats.eventId);
  const [rows, sold] = await Promise.all([
    ctx.db
      .select({
        date: dailyStats.date,
        currency: dailyStats.currency,
        bookings: sql<number>`sum(${dailyStats.bookings})::int`,
        seatsSold: sql<number>`sum(${dailyStats.seatsSold})::int`,
        cancellations: sql<number>`sum(${dailyStats.cancellations})::int`,
        revenueCents: sql<number>`sum(${dailyStats.revenueCents})::float8`,
        seatsCancelled: sql<number>`sum(${dailyStats.seatsCancelled})::int`,
        revenueCancelledCents: sql<number>`sum(${dailyStats.revenueCancelledCents})::float8`,
        refundsCents: sql<number>`sum(${dailyStats.refundsCents})::float8`,
      })
      .from(dailyStats)
      .where(and(between(dailyStats.date, from, to), inScope))
      .groupBy(dailyStats.date, dailyStats.currency),
    event || parsed.currency ? [] : revenueByCurrency(ctx, statsInScope(scope)),
  ]);
  const currency = parsed.currency ?? event?.currency ?? mainCurrency(sold);
  const currencies = [...new Set([currency, ...sold.map((c) => c.currency), ...rows.map((r) => r.currency).sort()])];
  const counts = rollUp(rows.map((r) => ({ ...r, revenueCents: 0, revenueCancelledCents: 0, refundsCents: 0 })), from, to, parsed.bucket);
  const money = new Map(currencies.map((c) => [c, rollUp(rows.filter((r) => r.currency === c), from, to, parsed.bucket)]));
  const data = counts.map((point, i): DailyPoint => {
    const revenue = currencies.map((c): DailyCurrencyPoint => {
      const m = money.get(c)![i]!;
      return {
        currency: c,
        bookings: m.bookings,
        seatsSold: m.seatsSold,
        cancellations: m.cancellations,
        seatsCancelled: m.seatsCancelled,
        grossCents: m.revenueCents,
        refundsCents: m.refundsCents,
        netCents: m.revenueCents - m.refundsCents,
      };
    });
    const own = money.get(currency)![i]!;
    return {
      date: point.date,
      bookings: point.bookings,
      seatsSold: point.seatsSold,
      cancellations: point.cancellations,
      seatsCancelled: point.seatsCancelled,
      revenueCents: own.revenueCents - own.refundsCents,
      revenueCancelledCents: own.revenueCancelledCents,
      grossCents: own.revenueCents,
      refundsCents: own.refundsCents,
      netCents: own.revenueCents - own.refundsCents,
      revenue,
    };
  });
  return { from, to, bucket: parsed.bucket, currency, currencies, data };
}
