import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { desc, gt, lt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { jobWorkers, type JobWorker } from "./schema";

/** How often a worker says it is alive. */
export const HEARTBEAT_MS = 5_000;
/** A worker silent this long (three missed beats) is taken for gone. */
export const WORKER_SILENT_AFTER_MS = 15_000;
/** Rows of workers that died without cleaning up are deleted after this. */
const FORGET_AFTER = sql`interval '1 day'`;

/** The id a worker's claims carry (`job_runs.locked_by`) and its heartbeat row. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export type Heartbeat = { stop(): Promise<void> };

/** Writes this worker's row now and every HEARTBEAT_MS; stop() deletes it (a clean exit is not a death). */
export function startHeartbeat(db: Db, workerId: string, log: Logger): Heartbeat {
  const beat = () =>
    db
      .insert(jobWorkers)
      .values({ id: workerId, host: hostname(), pid: process.pid })
      .onConflictDoUpdate({ target: jobWorkers.id, set: { lastSeenAt: sql`now()` } })
      .then(
        () => undefined,
        (err: unknown) => log.warn({ err }, "jobs.heartbeat_failed"),
      );
  const first = db
    .delete(jobWorkers)
    .where(lt(jobWorkers.lastSeenAt, sql`now() - ${FORGET_AFTER}`))
    .then(beat, beat);
  const timer = setInterval(() => void beat(), HEARTBEAT_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await db
        .delete(jobWorkers)
        .where(sql`${jobWorkers.id} = ${workerId}`)
        .catch((err: unknown) => log.warn({ err }, "jobs.heartbeat_cleanup_failed"));
    },
  };
}

/** Workers that beat within WORKER_SILENT_AFTER_MS, newest first. */
export function liveWorkers(db: DbOrTx): Promise<JobWorker[]> {
  return db
    .select()
    .from(jobWorkers)
    .where(gt(jobWorkers.lastSeenAt, sql`now() - ${WORKER_SILENT_AFTER_MS} * interval '1 millisecond'`))
    .orderBy(desc(jobWorkers.startedAt));
}
