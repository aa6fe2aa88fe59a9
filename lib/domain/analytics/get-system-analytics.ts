import { desc, gte } from "drizzle-orm";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { measureSystem, type SystemKpis } from "./measure-system";
import { systemMetrics } from "./schema";

export type SystemAnalytics = Omit<SystemKpis, "jobs">;

/** System-wide KPIs as they stand now. Admins only (403 for everyone else signed in). */
export async function getSystemAnalytics({ ctx }: { ctx: Ctx }): Promise<SystemAnalytics> {
  authorize(ctx.actor, "analytics:system");
  const k = await measureSystem(ctx);
  return {
    users: k.users,
    events: k.events,
    bookings: k.bookings,
    seatsSold: k.seatsSold,
    revenueCents: k.revenueCents,
    waitlistWaiting: k.waitlistWaiting,
    jobsBacklog: k.jobsBacklog,
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
