import { and, asc, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { analyticsScope, statsInScope } from "./analytics-scope";
import { toEventTotals, type EventTotals } from "./event-totals";
import { currencyOption, mainCurrency, revenueByCurrency, type CurrencyRevenue } from "./money";
import { eventStats, leaderboardMetrics } from "./schema";

export const getTopEventsInput = z.object({
  by: z.enum(leaderboardMetrics).default("seats"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  currency: currencyOption,
});

export type TopEvent = EventTotals & Omit<CurrencyRevenue, "currency">;

/**
 * The caller's best events by seats sold or revenue, as they stand now (seconds behind the
 * bookings, as the API contract promises). Sorts the scope's stats rows, one per event: a
 * handful for an organization, every event for an admin (the admin dashboard reads the minute-old
 * ranking in top_events instead, see getLeaderboard). Drafts sell nothing and are left out.
 * `by=revenue` ranks the events of one currency (asked, or the caller's main one).
 */
export async function getTopEvents({ ctx, input }: { ctx: Ctx; input: z.input<typeof getTopEventsInput> }): Promise<TopEvent[]> {
  const { by, limit, currency: asked } = getTopEventsInput.parse(input);
  const scope = analyticsScope(ctx);
  const inScope = statsInScope(scope);
  // Revenue ranks within one currency; seats rank every event unless a currency is asked for.
  const currency = asked ?? (by === "revenue" ? mainCurrency(await revenueByCurrency(ctx, inScope)) : undefined);
  const primary = by === "seats" ? eventStats.seatsSold : eventStats.revenueCents;
  const secondary = by === "seats" ? eventStats.revenueCents : eventStats.seatsSold;
  const rows = await ctx.db
    .select()
    .from(eventStats)
    .where(and(inScope, sql`${eventStats.status} is distinct from 'draft'`, currency ? eq(eventStats.currency, currency) : undefined))
    .orderBy(desc(primary), desc(secondary), asc(eventStats.eventId))
    .limit(limit);
  return rows.map((r) => ({ ...toEventTotals(r), grossCents: r.grossCents, refundsCents: r.refundsCents, netCents: r.revenueCents }));
}
