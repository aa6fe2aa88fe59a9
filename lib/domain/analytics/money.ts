import { desc, asc, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { DEFAULT_CURRENCY } from "@/lib/format/currency";
import { eventStats } from "./schema";

/** Money in one currency: gross taken for sales, refunds given back, net = gross - refunds. Minor units of `currency`. */
export type CurrencyRevenue = { currency: string; grossCents: number; refundsCents: number; netCents: number };

/** A `currency` query option: an ISO 4217 code, case-insensitive on the way in. */
export const currencyOption = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use an ISO 4217 currency code such as EUR.")
  .optional()
  .describe("ISO 4217 code: money figures are in this currency only (default: the one you sell most seats in)");

/**
 * Money per currency over the event_stats rows matching `where`, main currency first. Never
 * adds two currencies: each entry sums only events priced in its currency.
 */
export async function revenueByCurrency(ctx: Ctx, where: SQL | undefined): Promise<(CurrencyRevenue & { seatsSold: number })[]> {
  const rows = await ctx.db
    .select({
      currency: eventStats.currency,
      grossCents: sql<number>`coalesce(sum(${eventStats.grossCents}), 0)::float8`,
      refundsCents: sql<number>`coalesce(sum(${eventStats.refundsCents}), 0)::float8`,
      netCents: sql<number>`coalesce(sum(${eventStats.revenueCents}), 0)::float8`,
      seatsSold: sql<number>`coalesce(sum(${eventStats.seatsSold}), 0)::float8`,
      events: sql<number>`count(*)::int`,
    })
    .from(eventStats)
    .where(where)
    .groupBy(eventStats.currency)
    .orderBy(desc(sql`sum(${eventStats.seatsSold})`), desc(sql`count(*)`), asc(eventStats.currency));
  return rows.map(({ events: _events, ...r }) => r);
}

/**
 * The currency a reader sees money in unless they ask for another: the one they sell most seats
 * in (seats compare across currencies, money does not), then the one with most events; the
 * platform default when they have none.
 */
export function mainCurrency(currencies: readonly { currency: string }[]): string {
  return currencies[0]?.currency ?? DEFAULT_CURRENCY;
}

export const zeroRevenue = (currency: string): CurrencyRevenue => ({ currency, grossCents: 0, refundsCents: 0, netCents: 0 });
