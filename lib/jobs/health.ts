import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { jobBatchItems, jobRuns, outbox } from "./schema";

export type JobsHealth = {
  status: "ok" | "degraded";
  latencyMs: number;
  detail: { backlog: number; scheduled: number; oldestPendingSeconds: number; dead: number };
};

/** Past these the jobs check reports degraded: work piles up, waits too long, or died lately. */
export const JOBS_HEALTH_LIMITS = { backlog: 1_000, oldestPendingSeconds: 60, deadWithinHours: 1 };

/**
 * Backlog counts what is due: events not yet dispatched, events waiting to fill a batch, and
 * runs queued or running. Runs sleeping until a later time (an unpaid order's expiry, a mail
 * retry) are `scheduled`, not backlog: nothing is late about them. "Oldest pending" is how long the most overdue of them has waited since it became
 * due: an event since it was written (not its `occurred_at`, which seeded history dates weeks
 * back), a batch item since its batch timed out, a queued run since its due time (a sleeping run
 * is not overdue until it wakes, and a priority factor does not make a run look overdue), a
 * running run only once its worker's lease has lapsed.
 */
export async function jobsHealth(db: DbOrTx): Promise<JobsHealth> {
  const started = performance.now();
  const [row] = await db.execute<{ backlog: string; scheduled: string; oldest: string | null; dead: string }>(sql`
    with waiting as (
      select ${outbox.createdAt} as since, false as scheduled from ${outbox} where ${outbox.dispatchedAt} is null
      union all
      select ${jobBatchItems.dueAt}, false from ${jobBatchItems}
      union all
      select case when ${jobRuns.status} = 'running' then ${jobRuns.lockedUntil}
        else greatest(${jobRuns.runAt}, ${jobRuns.queueAt} at time zone 'UTC') end,
        -- Sleeping or retrying later; a run only held back by a priority factor is still backlog.
        ${jobRuns.status} = 'queued' and ${jobRuns.runAt} > now()
      from ${jobRuns} where ${jobRuns.status} in ('queued', 'running')
    )
    select
      (select count(*) from waiting where not scheduled) as backlog,
      (select count(*) from waiting where scheduled) as scheduled,
      (select extract(epoch from now() - min(since)) from waiting where since <= now()) as oldest,
      (select count(*) from ${jobRuns}
        where ${jobRuns.status} = 'dead'
          and ${jobRuns.finishedAt} > now() - ${JOBS_HEALTH_LIMITS.deadWithinHours} * interval '1 hour') as dead`);
  const detail = {
    backlog: Number(row?.backlog ?? 0),
    scheduled: Number(row?.scheduled ?? 0),
    oldestPendingSeconds: Math.max(0, Math.floor(Number(row?.oldest ?? 0))),
    dead: Number(row?.dead ?? 0),
  };
  const degraded =
    detail.backlog > JOBS_HEALTH_LIMITS.backlog ||
    detail.oldestPendingSeconds > JOBS_HEALTH_LIMITS.oldestPendingSeconds ||
    detail.dead > 0;
  return { status: degraded ? "degraded" : "ok", latencyMs: Math.round(performance.now() - started), detail };
}
