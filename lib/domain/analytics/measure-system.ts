import { sql } from "drizzle-orm";
import { countUsers } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { jobsHealth, type JobsHealth } from "@/lib/jobs/health";
import { eventStats } from "./schema";

export type SystemKpis = {
  users: number;
  events: number;
  bookings: number;
  seatsSold: number;
  waitlistWaiting: number;
  jobsBacklog: number;
  jobs: JobsHealth["detail"];
};

/**
 * System-wide numbers from cheap sources: the user count from auth, booking totals summed from
 * event_stats (one row per event, never the bookings tables) and job health from the outbox.
 * `bookings` counts bookings confirmed now, like `seatsSold`. Money is not here: it is read per
 * currency (revenueByCurrency), never as one sum.
 */
export async function measureSystem(ctx: Ctx): Promise<SystemKpis> {
  const [users, totals, jobs] = await Promise.all([
    countUsers({ ctx }),
    ctx.db
      .select({
        events: sql<number>`count(*)::int`,
        bookings: sql<number>`coalesce(sum(${eventStats.bookingsConfirmed}), 0)::float8`,
        seatsSold: sql<number>`coalesce(sum(${eventStats.seatsSold}), 0)::float8`,
        waitlistWaiting: sql<number>`coalesce(sum(${eventStats.waitlistWaiting}), 0)::float8`,
      })
      .from(eventStats),
    jobsHealth(ctx.db),
  ]);
  const t = totals[0]!;
  return { users, ...t, jobsBacklog: jobs.detail.backlog, jobs: jobs.detail };
}
