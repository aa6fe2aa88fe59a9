import { lt } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { measureSystem } from "./measure-system";
import { requireSystem } from "./require-system";
import { systemMetrics } from "./schema";

/** A minute's snapshot is kept this long: enough for trends, bounded at ~43k rows. */
export const SNAPSHOT_RETENTION_DAYS = 30;

/** Stores one snapshot of the system KPIs and job health, and drops the ones past retention. */
export async function captureSystemMetrics({ ctx }: { ctx: Ctx }): Promise<{ capturedAt: string }> {
  requireSystem(ctx);
  const kpis = await measureSystem(ctx);
  const capturedAt = ctx.now();
  await ctx.db.insert(systemMetrics).values({
    capturedAt,
    users: kpis.users,
    events: kpis.events,
    bookings: kpis.bookings,
    seatsSold: kpis.seatsSold,
    waitlistWaiting: kpis.waitlistWaiting,
    jobsBacklog: kpis.jobsBacklog,
    jobsDead: kpis.jobs.dead,
    jobs: kpis.jobs,
  });
  await ctx.db.delete(systemMetrics).where(lt(systemMetrics.capturedAt, new Date(capturedAt.getTime() - SNAPSHOT_RETENTION_DAYS * 86_400_000)));
  return { capturedAt: capturedAt.toISOString() };
}
