import { and, asc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { analyticsScope } from "./analytics-scope";
import { toEventTotals, type EventTotals } from "./event-totals";
import { getTopEvents } from "./get-top-events";
import { LEADERBOARD_DEPTH } from "./refresh-leaderboards";
import { currencyOption, mainCurrency, revenueByCurrency } from "./money";
import { leaderboardMetrics, topEvents } from "./schema";

export const getLeaderboardInput = z.object({
  by: z.enum(leaderboardMetrics).default("seats"),
  limit: z.number().int().min(1).max(LEADERBOARD_DEPTH).default(10),
  /** The currency a revenue board ranks (revenue is ranked within one currency); ignored for seats. */
  currency: currencyOption,
});

/** A live board is sorted on read; otherwise `refreshedAt` says when the ranking was taken (null: not yet). */
export type Leaderboard = { live: boolean; refreshedAt: string | null; data: (EventTotals & { rank: number })[] };

/**
 * The dashboard's top events. A member's board sorts their organizations' stats rows (a
 * handful), so it is live and agrees with the cards beside it; the platform-wide board would
 * sort every event on each page load, so it reads the ranking the cron takes every minute.
 */
export async function getLeaderboard({ ctx, input }: { ctx: Ctx; input: z.input<typeof getLeaderboardInput> }): Promise<Leaderboard> {
  const { by, limit, currency } = getLeaderboardInput.parse(input);
  if (analyticsScope(ctx).kind === "member") {
    const live = await getTopEvents({ ctx, input: { by, limit, currency } });
    return { live: true, refreshedAt: null, data: live.map((e, i) => ({ ...e, rank: i + 1 })) };
  }
  const rows = await ctx.db
    .select()
    .from(topEvents)
    .where(
      and(
        eq(topEvents.metric, by),
        lte(topEvents.rank, limit),
        by === "revenue" ? eq(topEvents.currency, currency ?? mainCurrency(await revenueByCurrency(ctx, undefined))) : undefined,
      ),
    )
    .orderBy(asc(topEvents.rank));
  return {
    live: false,
    refreshedAt: rows[0]?.refreshedAt.toISOString() ?? null,
    data: rows.map((r) => ({ rank: r.rank, ...toEventTotals(r) })),
  };
}
