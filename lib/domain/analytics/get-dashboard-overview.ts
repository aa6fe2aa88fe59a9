import { and, asc, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { analyticsScope, scopeFilter } from "./analytics-scope";
import { toEventTotals, type EventTotals } from "./event-totals";
import { dailyStats, eventStats } from "./schema";
import { todayUtc } from "./utc-dates";

/** How many events the fill-rate chart shows: enough to compare, few enough to read. */
const FILL_RATE_EVENTS = 12;

export type DashboardOverview = {
  today: string;
  seatsSoldToday: number;
  bookingsToday: number;
  cancellationsToday: number;
  /** Current revenue per currency: events in different currencies are never added together. */
  revenue: { currency: string; revenueCents: number }[];
  seatsSold: number;
  activeEvents: number;
  waitlistWaiting: number;
  events: EventTotals[];
};

/**
 * The dashboard's cards and fill-rate chart for the caller's events (admin: all), from the
 * pre-computed tables only: today's daily rows, and one stats row per event.
 * An event is active while it is published and has not ended.
 */
export async function getDashboardOverview({ ctx }: { ctx: Ctx }): Promise<DashboardOverview> {
  const scope = analyticsScope(ctx);
  const now = ctx.now();
  const today = todayUtc(now);
  const inScope = scopeFilter(scope, eventStats.organizerId);
  const active = and(eq(eventStats.status, "published"), or(isNull(eventStats.endsAt), gt(eventStats.endsAt, now)));

  const [todayRows, byCurrency, upcoming] = await Promise.all([
    ctx.db
      .select({
        seats: sql<number>`coalesce(sum(${dailyStats.seatsSold}), 0)::int`,
        bookings: sql<number>`coalesce(sum(${dailyStats.bookings}), 0)::int`,
        cancellations: sql<number>`coalesce(sum(${dailyStats.cancellations}), 0)::int`,
      })
      .from(dailyStats)
      .where(and(eq(dailyStats.date, today), scopeFilter(scope, dailyStats.organizerId))),
    ctx.db
      .select({
        currency: eventStats.currency,
        revenueCents: sql<number>`sum(${eventStats.revenueCents})::float8`,
        seatsSold: sql<number>`sum(${eventStats.seatsSold})::int`,
        waiting: sql<number>`sum(${eventStats.waitlistWaiting})::int`,
        active: sql<number>`(count(*) filter (where ${active}))::int`,
      })
      .from(eventStats)
      .where(inScope)
      .groupBy(eventStats.currency)
      .orderBy(desc(sql`sum(${eventStats.revenueCents})`)),
    ctx.db
      .select()
      .from(eventStats)
      .where(and(inScope, active))
      .orderBy(asc(eventStats.startsAt), asc(eventStats.eventId))
      .limit(FILL_RATE_EVENTS),
  ]);

  const sum = (pick: (r: (typeof byCurrency)[number]) => number) => byCurrency.reduce((n, r) => n + pick(r), 0);
  return {
    today,
    seatsSoldToday: todayRows[0]?.seats ?? 0,
    bookingsToday: todayRows[0]?.bookings ?? 0,
    cancellationsToday: todayRows[0]?.cancellations ?? 0,
    revenue: byCurrency.map((r) => ({ currency: r.currency, revenueCents: r.revenueCents })),
    seatsSold: sum((r) => r.seatsSold),
    activeEvents: sum((r) => r.active),
    waitlistWaiting: sum((r) => r.waiting),
    events: upcoming.map(toEventTotals),
  };
}
