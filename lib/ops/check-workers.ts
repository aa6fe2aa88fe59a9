import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { WORKER_SILENT_AFTER_MS } from "@/lib/jobs/heartbeat";
import { jobRuns, jobWorkers, outbox } from "@/lib/jobs/schema";
import { withDeadline } from "@/lib/resilience/deadline";
import type { CheckResult } from "./check-database";

export type WorkersDetail = {
  /** Workers whose heartbeat is recent. */
  live: number;
  /** Seconds since the last beat of any worker; null when none was ever seen (or its row is gone). */
  lastSeenSecondsAgo: number | null;
  /** Events not yet dispatched and runs due now, or held by a lapsed lease: work only a worker moves. */
  waiting: number;
};

export type WorkersCheck = {
  check: CheckResult;
  /** Why health is degraded because of the workers, in words an operator acts on; null when it is not. */
  reason: string | null;
  /** No worker while nothing waits: not a fault, worth saying. */
  note: string | null;
};

function noWorkerReason(detail: WorkersDetail): string {
  const seen = detail.lastSeenSecondsAgo === null ? "No jobs worker has been seen" : `No jobs worker has been seen for ${detail.lastSeenSecondsAgo} s`;
  return `${seen} while ${detail.waiting} jobs wait: start one (npm run worker, or JOBS_WORKER=separate with npm start).`;
}

/**
 * Whether some jobs worker is alive, from the heartbeats (lib/jobs/heartbeat.ts). Jobs run in
 * worker processes that the web process cannot see, so this is how it tells "jobs are slow" from
 * "nobody runs them". No worker while nothing waits is fine; no worker while work waits is degraded.
 */
export async function checkWorkers(db: Db, timeoutMs = 2_000): Promise<WorkersCheck> {
  const started = performance.now();
  try {
    const [row] = await withDeadline(
      db.execute<{ live: number; last_seen: string | null; waiting: number }>(sql`
        select
          (select count(*)::int from ${jobWorkers}
            where ${jobWorkers.lastSeenAt} > now() - ${WORKER_SILENT_AFTER_MS} * interval '1 millisecond') as live,
          (select extract(epoch from now() - max(${jobWorkers.lastSeenAt})) from ${jobWorkers}) as last_seen,
          (select count(*)::int from ${outbox} where ${outbox.dispatchedAt} is null)
          + (select count(*)::int from ${jobRuns}
              where (${jobRuns.status} = 'queued' and ${jobRuns.runAt} <= now())
                 or (${jobRuns.status} = 'running' and ${jobRuns.lockedUntil} < now())) as waiting`),
      timeoutMs,
    );
    const detail: WorkersDetail = {
      live: row!.live,
      lastSeenSecondsAgo: row!.last_seen === null ? null : Math.max(0, Math.floor(Number(row!.last_seen))),
      waiting: row!.waiting,
    };
    const latencyMs = Math.round(performance.now() - started);
    if (detail.live > 0) return { check: { status: "ok", latencyMs, detail }, reason: null, note: null };
    if (detail.waiting === 0) return { check: { status: "ok", latencyMs, detail }, reason: null, note: "No jobs worker is running; nothing waits for one yet." };
    return { check: { status: "degraded", latencyMs, detail }, reason: noWorkerReason(detail), note: null };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "unreachable";
    // Postgres unreachable is the database check's reason already.
    return { check: { status: "down", latencyMs: Math.round(performance.now() - started), detail }, reason: null, note: null };
  }
}
