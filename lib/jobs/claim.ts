import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Registry } from "./registry";
import { jobBatchItems, jobRuns, type JobRun } from "./schema";

export const WORKER_LOST = {
  name: "WorkerLost",
  message: "The worker running this run stopped renewing its lease (process died or stalled)",
};

/** Candidates looked at per function beyond `n`: enough that a key at its limit does not hide the keys queued behind it. */
const LOOK_AHEAD = 20;

const leaseUntil = (leaseMs: number) => sql`now() + ${leaseMs} * interval '1 millisecond'`;

const columns = getTableColumns(jobRuns);

/** A `returning *` row of a raw statement, mapped as drizzle maps its own selects. */
function toJobRun(row: Record<string, unknown>): JobRun {
  const run: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = row[column.name];
    run[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return run as JobRun;
}

/** The limits of the functions this process runs, as the claim statement reads them. */
function claimLimits(registry: Registry) {
  const concurrency: { f: string; o: number; n: number }[] = [];
  const throttles: { f: string; e: number; tol: number }[] = [];
  for (const [f, flow] of registry.flow) {
    flow.concurrency.forEach((c, i) => concurrency.push({ f, o: i + 1, n: c.limit }));
    if (flow.throttle) throttles.push({ f, e: flow.throttle.emissionMs, tol: flow.throttle.toleranceMs });
  }
  return { concurrency: JSON.stringify(concurrency), throttles: JSON.stringify(throttles) };
}

/**
 * Leases up to `n` due runs of the functions in `registry` to this worker, in one statement:
 *
 * - **Order** is Inngest's queue score, `queue_at` (due time minus the `priority` factor), across
 *   functions, so a +600 run goes ahead of ten minutes of backlog; a negative factor delays.
 * - **Concurrency**: a run is skipped while claiming it would put more runs of one of its
 *   concurrency keys in `running` (a live lease means a step executing) than the key's limit.
 * - **Throttle**: a run's first claim is a start; starts per throttle key follow GCRA on the
 *   key's theoretical arrival time in `job_throttles`, advanced by the starts made here.
 *
 * A `running` run whose lease lapsed belongs to a worker that died mid-step: it is claimable
 * again, and its memoized steps are not redone; the death uses up an attempt.
 *
 * Claims are serialized by a transaction-level advisory lock taken first: the concurrency counts
 * and throttle state a claim reads then include every claim committed before it, so two workers
 * deciding at once cannot overshoot a limit. The lock is held for one statement.
 */
export async function claimRuns(db: Db, registry: Registry, workerId: string, leaseMs: number, n: number): Promise<JobRun[]> {
  const limits = claimLimits(registry);
  // The statement is platform.claim_job_runs (drizzle/0011_claim_job_runs.sql): the advisory
  // lock and the claim in one round trip, the claim reading a snapshot taken under the lock.
  const rows = await db.execute<Record<string, unknown>>(sql`
    select * from platform.claim_job_runs(
      ${JSON.stringify([...registry.byId.keys()])}::jsonb, ${limits.concurrency}::jsonb, ${limits.throttles}::jsonb,
      ${workerId}, ${leaseMs}::int, ${n}::int, ${LOOK_AHEAD}::int, ${JSON.stringify(WORKER_LOST)}::jsonb)`);
  return rows.map(toJobRun).sort((a, b) => a.queueAt.getTime() - b.queueAt.getTime());
}

/**
 * Extends the leases of the runs this worker is executing, in one statement for all of them.
 * Returns the ids it still holds: a missing one was taken over by another worker.
 */
export async function renewLeases(db: Db, runIds: string[], workerId: string, leaseMs: number): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await db
    .update(jobRuns)
    .set({ lockedUntil: leaseUntil(leaseMs) })
    .where(and(inArray(jobRuns.id, runIds), eq(jobRuns.lockedBy, workerId)))
    .returning({ id: jobRuns.id });
  return new Set(rows.map((r) => r.id));
}

/**
 * Milliseconds until something becomes claimable without a notification: a queued run falls due
 * (sleep, retry), a running run's lease lapses, or a batch times out. Null when nothing waits.
 * Measured by the database clock, the one that decides claims. A due run can still be held back
 * (concurrency, throttle, a negative priority): callers wait a little before asking again.
 */
export async function msUntilNextDue(db: DbOrTx): Promise<number | null> {
  const [row] = await db.execute<{ ms: string | null }>(sql`
    select extract(epoch from least(
      (select min(${jobRuns.runAt}) from ${jobRuns} where ${jobRuns.status} = 'queued'),
      (select min(${jobRuns.lockedUntil}) from ${jobRuns} where ${jobRuns.status} = 'running'),
      (select min(${jobBatchItems.dueAt}) from ${jobBatchItems})
    ) - now()) * 1000 as ms`);
  return row?.ms == null ? null : Math.max(0, Math.ceil(Number(row.ms)));
}
