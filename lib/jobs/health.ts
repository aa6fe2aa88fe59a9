import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { jobRuns, outbox } from "./schema";

export type JobsHealth = {
  status: "ok" | "degraded";
  latencyMs: number;
  detail: { backlog: number; oldestPendingSeconds: number; dead: number };
};

/** Past these the jobs check reports degraded: work piles up, waits too long, or died lately. */
export const JOBS_HEALTH_LIMITS = { backlog: 1_000, oldestPendingSeconds: 60, deadWithinHours: 1 };

/**
 * Backlog counts events not yet dispatched plus runs queued or running; "oldest pending" is how
 * long the most overdue of them has waited (a sleeping run is not overdue until it wakes).
 */
export async function jobsHealth(db: DbOrTx): Promise<JobsHealth> {
  const started = performance.now();
  const [row] = await db.execute<{ backlog: string; oldest: string | null; dead: string }>(sql`
    with pending as (
      select ${outbox.occurredAt} as due_at from ${outbox} where ${outbox.dispatchedAt} is null
      union all
      select ${jobRuns.runAt} from ${jobRuns} where ${jobRuns.status} in ('queued', 'running')
    )
    select
      (select count(*) from pending) as backlog,
      (select extract(epoch from now() - min(due_at)) from pending where due_at <= now()) as oldest,
      (select count(*) from ${jobRuns}
        where ${jobRuns.status} = 'dead'
          and ${jobRuns.finishedAt} > now() - ${JOBS_HEALTH_LIMITS.deadWithinHours} * interval '1 hour') as dead`);
  const detail = {
    backlog: Number(row?.backlog ?? 0),
    oldestPendingSeconds: Math.max(0, Math.floor(Number(row?.oldest ?? 0))),
    dead: Number(row?.dead ?? 0),
  };
  const degraded =
    detail.backlog > JOBS_HEALTH_LIMITS.backlog ||
    detail.oldestPendingSeconds > JOBS_HEALTH_LIMITS.oldestPendingSeconds ||
    detail.dead > 0;
  return { status: degraded ? "degraded" : "ok", latencyMs: Math.round(performance.now() - started), detail };
}
