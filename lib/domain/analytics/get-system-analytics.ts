import { desc, gte } from "drizzle-orm";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { z } from "zod";
import { measureSystem, type SystemKpis } from "./measure-system";
import { currencyOption, mainCurrency, revenueByCurrency, zeroRevenue, type CurrencyRevenue } from "./money";
import { systemMetrics } from "./schema";

export const getSystemAnalyticsInput = z.object({ currency: currencyOption });

/** `revenueCents` is the net in `currency`; `revenue` has every currency the platform sells in, the most-sold first. */
export type SystemAnalytics = Omit<SystemKpis, "jobs"> & { currency: string; revenueCents: number; revenue: CurrencyRevenue[] };

/** System-wide KPIs as they stand now. Admins only (403 for everyone else signed in). */
export async function getSystemAnalytics({ ctx, input = {} }: { ctx: Ctx; input?: z.input<typeof getSystemAnalyticsInput> }): Promise<SystemAnalytics> {
  authorize(ctx.actor, "analytics:system");
  const { currency: asked } = getSystemAnalyticsInput.parse(input);
  const [k, byCurrency] = await Promise.all([measureSystem(ctx), revenueByCurrency(ctx, undefined)]);
  const revenue = byCurrency.map(({ seatsSold: _seats, ...r }) => r);
  const currency = asked ?? mainCurrency(revenue);
  return {
    users: k.users,
    events: k.events,
    bookings: k.bookings,
    seatsSold: k.seatsSold,
    revenueCents: (revenue.find((r) => r.currency === currency) ?? zeroRevenue(currency)).netCents,
    waitlistWaiting: k.waitlistWaiting,
    jobsBacklog: k.jobsBacklog,
    currency,
    revenue,
  };
}

export type SystemSnapshot = typeof systemMetrics.$inferSelect;

/** The snapshots of the last `hours`, oldest first, for trend charts on the admin panel. */
export async function listSystemSnapshots({ ctx, input }: { ctx: Ctx; input: { hours: number } }): Promise<SystemSnapshot[]> {
  authorize(ctx.actor, "analytics:system");
  const since = new Date(ctx.now().getTime() - input.hours * 3_600_000);
  const rows = await ctx.db.select().from(systemMetrics).where(gte(systemMetrics.capturedAt, since)).orderBy(desc(systemMetrics.capturedAt)).limit(2_000);
  return rows.reverse();
}
