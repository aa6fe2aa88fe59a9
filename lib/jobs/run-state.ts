import { and, eq, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db } from "@/lib/db/client";
import { jobRuns, type JobRun, type StoredStep } from "./schema";

/** What the step engine carries from one call to the next: memoized steps and the retry count. */
export type StepState = { steps: Record<string, StoredStep>; stepOrder: string[]; attempt: number };

export type SerializedError = { name?: string; message?: string; stack?: string; [key: string]: unknown };

type Patch = PgUpdateSetSource<typeof jobRuns>;

const unlocked = { lockedBy: null, lockedUntil: null } satisfies Patch;

/**
 * Every write is fenced by the lease: a worker that lost its run to another (its lease lapsed
 * while it was stalled) writes nothing. Returns whether the write happened.
 */
async function write(db: Db, run: JobRun, workerId: string, patch: Patch): Promise<boolean> {
  const rows = await db
    .update(jobRuns)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(jobRuns.id, run.id), eq(jobRuns.lockedBy, workerId)))
    .returning({ id: jobRuns.id });
  return rows.length > 0;
}

export function saveSteps(db: Db, run: JobRun, workerId: string, state: StepState): Promise<boolean> {
  return write(db, run, workerId, { ...state });
}

/** Back to the queue until `runAt`: a retry after a failure, or the end of a `step.sleep`. */
export function requeue(db: Db, run: JobRun, workerId: string, state: StepState, runAt: Date, error?: SerializedError) {
  return write(db, run, workerId, {
    ...state,
    ...unlocked,
    status: "queued",
    runAt,
    ...(error ? { lastError: error } : {}),
  });
}

export function complete(db: Db, run: JobRun, workerId: string, state: StepState, result: unknown) {
  return write(db, run, workerId, {
    ...state,
    ...unlocked,
    status: "completed",
    result: result ?? null,
    finishedAt: sql`now()`,
  });
}

/** Parked for good, with the error that ended it. */
export function markDead(db: Db, run: JobRun, workerId: string, state: StepState, error: SerializedError) {
  return write(db, run, workerId, {
    ...state,
    ...unlocked,
    status: "dead",
    lastError: error,
    finishedAt: sql`now()`,
  });
}

/** Hands a run back untouched (the worker is stopping): due now, for any worker. */
export function release(db: Db, run: JobRun, workerId: string, state: StepState) {
  return write(db, run, workerId, { ...state, ...unlocked, status: "queued" });
}
