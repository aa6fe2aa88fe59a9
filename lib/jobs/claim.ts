import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Registry } from "./registry";
import { jobBatchItems, jobRuns, type JobRun } from "./schema";

export const WORKER_LOST = {
  name: "WorkerLost",
  message: "The worker running this run stopped renewing its lease (process died or stalled)",
};

/**
 * Claims are serialized by this transaction-level advisory lock: the concurrency counts and
 * throttle state a claim reads then include every claim committed before it, so no limit can be
 * overshot by two workers deciding at once. A claim holds it for one statement.
 */
const CLAIM_LOCK = 0x6a6f6273; // "jobs"

/** Candidates looked at per function: enough that a key at its limit does not hide the keys queued behind it. */
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
export function claimLimits(registry: Registry) {
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
 */
export async function claimRuns(db: Db, registry: Registry, workerId: string, leaseMs: number, n: number): Promise<JobRun[]> {
  const functionIds = [...registry.byId.keys()];
  const limits = claimLimits(registry);
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK})`);
    return tx.execute<Record<string, unknown>>(sql`
      with cand as (
        select c.* from jsonb_array_elements_text(${JSON.stringify(functionIds)}::jsonb) as f(id)
        cross join lateral (
          select r.id, r.function_id, r.queue_at, r.concurrency_keys, r.throttle_key, r.started_at
          from platform.job_runs r
          where r.function_id = f.id and r.status in ('queued', 'running')
            and r.queue_at <= (now() at time zone 'UTC') and r.run_at <= now()
            and (r.locked_until is null or r.locked_until < now())
          order by r.queue_at
          limit ${n + LOOK_AHEAD}
        ) c
      ), lim as (
        select * from jsonb_to_recordset(${limits.concurrency}::jsonb) as l(f text, o int, n int)
      ), thr as (
        select * from jsonb_to_recordset(${limits.throttles}::jsonb) as t(f text, e float8, tol float8)
      ), conc as (
        select c.id, k.key, l.n, row_number() over (partition by k.key order by c.queue_at, c.id) as rank
        from cand c
        cross join lateral unnest(c.concurrency_keys) with ordinality as k(key, o)
        join lim l on l.f = c.function_id and l.o = k.o
      ), busy as (
        select k.key, count(*) as n
        from platform.job_runs r cross join lateral unnest(r.concurrency_keys) as k(key)
        where r.status = 'running' and r.locked_until >= now()
          and r.concurrency_keys && (select coalesce(array_agg(distinct conc.key), '{}') from conc)
        group by k.key
      ), over_limit as (
        select conc.id from conc left join busy on busy.key = conc.key where conc.rank + coalesce(busy.n, 0) > conc.n
      ), starts as (
        select c.id, c.throttle_key, t.e, greatest(coalesce(jt.tat, now()), now()) as base,
          row_number() over (partition by c.throttle_key order by c.queue_at, c.id) as rank,
          t.tol
        from cand c
        join thr t on t.f = c.function_id
        left join platform.job_throttles jt on jt.key = c.throttle_key
        where c.started_at is null and c.throttle_key is not null and c.id not in (select id from over_limit)
      ), throttled as (
        select id from starts where base + rank * e * interval '1 millisecond' > now() + tol * interval '1 millisecond'
      ), chosen as (
        select id from cand
        where id not in (select id from over_limit) and id not in (select id from throttled)
        order by queue_at, id
        limit ${n}
      ), paced as (
        insert into platform.job_throttles as jt (key, tat)
        select s.throttle_key, max(s.base) + count(*) * max(s.e) * interval '1 millisecond'
        from starts s where s.id in (select id from chosen)
        group by s.throttle_key
        on conflict (key) do update set tat = excluded.tat
      )
      update platform.job_runs r set
        status = 'running',
        locked_by = ${workerId},
        locked_until = ${leaseUntil(leaseMs)},
        updated_at = now(),
        started_at = coalesce(r.started_at, now()),
        -- A worker that died mid-step used up an attempt: a step that kills its process every
        -- time ends dead instead of being retried forever.
        attempt = case when r.status = 'running' then r.attempt + 1 else r.attempt end,
        last_error = case when r.status = 'running' then ${JSON.stringify(WORKER_LOST)}::jsonb else r.last_error end
      from chosen
      where r.id = chosen.id
        -- Re-checked on the row as it is now: a stalled worker may have finished it meanwhile.
        and r.status in ('queued', 'running') and (r.locked_until is null or r.locked_until < now())
      returning r.*`);
  });
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
