import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { jobRuns, type JobRun } from "./schema";

export const WORKER_LOST = {
  name: "WorkerLost",
  message: "The worker running this run stopped renewing its lease (process died or stalled)",
};

const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

const claimable = (functionIds: string[]) =>
  and(
    inArray(jobRuns.functionId, functionIds),
    inArray(jobRuns.status, ["queued", "running"]),
    lte(jobRuns.runAt, sql`now()`),
    or(isNull(jobRuns.lockedUntil), lt(jobRuns.lockedUntil, sql`now()`)),
  );

/**
 * Leases the most overdue run of one of `functionIds` (the functions this process has) to this
 * worker. A `running` run whose lease lapsed belongs to a worker that died mid-step: it is
 * claimable again, and its memoized steps are not redone.
 */
export async function claimRun(db: Db, functionIds: string[], workerId: string, leaseMs: number): Promise<JobRun | null> {
  const next = db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(claimable(functionIds))
    .orderBy(asc(jobRuns.runAt))
    .limit(1)
    .for("update", { skipLocked: true });
  const takenOver = sql`${jobRuns.status} = 'running'`;
  const [run] = await db
    .update(jobRuns)
    .set({
      status: "running",
      lockedBy: workerId,
      lockedUntil: leaseUntil(leaseMs),
      updatedAt: sql`now()`,
      // A worker that died mid-step used up an attempt: a step that kills its process every time
      // ends dead instead of being retried forever.
      attempt: sql`case when ${takenOver} then ${jobRuns.attempt} + 1 else ${jobRuns.attempt} end`,
      lastError: sql`case when ${takenOver} then ${JSON.stringify(WORKER_LOST)}::jsonb else ${jobRuns.lastError} end`,
    })
    .where(inArray(jobRuns.id, next))
    .returning();
  return run ?? null;
}

/** Extends the lease while a step runs; false once another worker has taken the run over. */
export async function renewLease(db: Db, runId: string, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ lockedUntil: leaseUntil(leaseMs) })
    .where(and(eq(jobRuns.id, runId), eq(jobRuns.lockedBy, workerId)))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

/**
 * Milliseconds until something becomes claimable without a notification: a queued run falls due
 * (sleep, retry) or a running run's lease lapses. Null when nothing waits. Measured by the
 * database clock, the one that decides claims.
 */
export async function msUntilNextDue(db: Db): Promise<number | null> {
  const [row] = await db.execute<{ ms: string | null }>(sql`
    select extract(epoch from least(
      (select min(${jobRuns.runAt}) from ${jobRuns} where ${jobRuns.status} = 'queued'),
      (select min(${jobRuns.lockedUntil}) from ${jobRuns} where ${jobRuns.status} = 'running')
    ) - now()) * 1000 as ms`);
  return row?.ms == null ? null : Math.max(0, Math.ceil(Number(row.ms)));
}
