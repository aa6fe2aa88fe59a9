import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { analyticsScope, eventsInScope, statsInScope } from "./analytics-scope";
import { toEventTotals, type EventTotals } from "./event-totals";
import { revenueByCurrency, type CurrencyRevenue } from "./money";
import { dailyStats, eventStats } from "./schema";
import { todayUtc } from "./utc-dates";

/** How many events the fill-rate chart shows: enough to compare, few enough to read. */
const FILL_RATE_EVENTS = 12;

export type DashboardOverview = {
  today: string;
  seatsSoldToday: number;
  bookingsToday: number;
  cancellationsToday: number;
  /** Money per currency (gross, refunds, net), the main currency first: currencies are never added together. */
  revenue: CurrencyRevenue[];
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
  const inScope = statsInScope(scope);
  const active = and(eq(eventStats.status, "published"), or(isNull(eventStats.endsAt), gt(eventStats.endsAt, now)));

  const [todayRows, [totals], byCurrency, upcoming] = await Promise.all([
    ctx.db
      .select({
        seats: sql<number>`coalesce(sum(${dailyStats.seatsSold}), 0)::int`,
        bookings: sql<number>`coalesce(sum(${dailyStats.bookings}), 0)::int`,
        cancellations: sql<number>`coalesce(sum(${dailyStats.cancellations}), 0)::int`,
      })
      .from(dailyStats)
      .where(and(eq(dailyStats.date, today), eventsInScope(ctx, scope, dailyStats.eventId))),
    ctx.db
      .select({
        seatsSold: sql<number>`coalesce(sum(${eventStats.seatsSold}), 0)::int`,
        waiting: sql<number>`coalesce(sum(${eventStats.waitlistWaiting}), 0)::int`,
        active: sql<number>`(count(*) filter (where ${active}))::int`,
      })
      .from(eventStats)
      .where(inScope),
    revenueByCurrency(ctx, inScope),
    ctx.db
      .select()
      .from(eventStats)
      .where(and(inScope, active))
      .orderBy(asc(eventStats.startsAt), asc(eventStats.eventId))
      .limit(FILL_RATE_EVENTS),
  ]);

  return {
    today,
    seatsSoldToday: todayRows[0]?.seats ?? 0,
    bookingsToday: todayRows[0]?.bookings ?? 0,
    cancellationsToday: todayRows[0]?.cancellations ?? 0,
    revenue: byCurrency.map(({ seatsSold: _seats, ...r }) => r),
    seatsSold: totals?.seatsSold ?? 0,
    activeEvents: totals?.active ?? 0,
    waitlistWaiting: totals?.waiting ?? 0,
    events: upcoming.map(toEventTotals),
  };
}
