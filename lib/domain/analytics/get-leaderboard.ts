import { and, asc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { analyticsScope } from "./analytics-scope";
import { fillRate } from "./fill-rate";
import { LEADERBOARD_DEPTH } from "./refresh-leaderboards";
import { leaderboardMetrics, topEvents } from "./schema";
import type { TopEvent } from "./get-top-events";

export const getLeaderboardInput = z.object({
  by: z.enum(leaderboardMetrics).default("seats"),
  limit: z.number().int().min(1).max(LEADERBOARD_DEPTH).default(10),
});

export type Leaderboard = { refreshedAt: string | null; data: (TopEvent & { rank: number })[] };

/** The ranked copy refreshed every minute: a short index range read for the dashboards. */
export async function getLeaderboard({ ctx, input }: { ctx: Ctx; input: z.input<typeof getLeaderboardInput> }): Promise<Leaderboard> {
  const { by, limit } = getLeaderboardInput.parse(input);
  const scope = analyticsScope(ctx);
  const rank = scope.kind === "all" ? topEvents.overallRank : topEvents.organizerRank;
  const rows = await ctx.db
    .select()
    .from(topEvents)
    .where(and(eq(topEvents.metric, by), scope.kind === "organizer" ? eq(topEvents.organizerId, scope.organizerId) : undefined, lte(rank, limit)))
    .orderBy(asc(rank));
  return {
    refreshedAt: rows[0]?.refreshedAt.toISOString() ?? null,
    data: rows.map((r) => ({
      rank: scope.kind === "all" ? r.overallRank : r.organizerRank,
      eventId: r.eventId,
      title: r.title,
      currency: r.currency,
      capacity: r.capacity,
      seatsSold: r.seatsSold,
      revenueCents: r.revenueCents,
      fillRate: fillRate(r.seatsSold, r.capacity),
    })),
  };
}
