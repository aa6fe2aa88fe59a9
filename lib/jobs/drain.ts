import { and, count, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { msUntilNextDue } from "./claim";
import type { RunOutcome } from "./execute-run";
import { createRunner, type RunnerOptions } from "./runner";
import { jobBatchItems, jobRuns, outbox } from "./schema";

export type DrainOptions = RunnerOptions & {
  /** Fails if work is still pending after this long (sleeps and retries are waited for). */
  timeoutMs?: number;
};

export type DrainResult = Record<RunOutcome, number>;

/**
 * What a drain still has to do. A run sleeping past the drain's deadline (a reminder due the day
 * before an event months away) cannot be waited out and is not the drain's work: it stays queued.
 */
async function pending(db: Db, functionIds: string[], deadline: Date): Promise<number> {
  const [events] = await db.select({ n: count() }).from(outbox).where(isNull(outbox.dispatchedAt));
  const [runs] = await db
    .select({ n: count() })
    .from(jobRuns)
    .where(and(inArray(jobRuns.functionId, functionIds), or(eq(jobRuns.status, "running"), and(eq(jobRuns.status, "queued"), lte(jobRuns.runAt, deadline)))));
  const [batched] = await db.select({ n: count() }).from(jobBatchItems).where(inArray(jobBatchItems.functionId, functionIds));
  return (events?.n ?? 0) + (runs?.n ?? 0) + (batched?.n ?? 0);
}

/**
 * For tests and scripts: runs the worker loop in the caller until no event waits and no run of
 * these functions is queued (due before the deadline), running or waiting to fill a batch,
 * waiting out sleeps, retries, batch timeouts and flow control. Retries default to a
 * 10 ms backoff so a test does not wait for production delays.
 */
export async function drainJobs({ timeoutMs = 10_000, ...o }: DrainOptions): Promise<DrainResult> {
  const runner = createRunner({ retryBaseMs: 10, retryMaxMs: 200, ...o });
  const deadline = Date.now() + timeoutMs;
  const result: DrainResult = { completed: 0, retrying: 0, sleeping: 0, dead: 0, released: 0, lost: 0 };
  for (;;) {
    await runner.dispatch();
    const run = await runner.claim();
    if (run) {
      result[await runner.execute(run)] += 1;
      continue;
    }
    if ((await pending(o.db, runner.functionIds, new Date(deadline))) === 0) return result;
    if (Date.now() > deadline) throw new Error(`drainJobs: work still pending after ${timeoutMs} ms`);
    const wait = (await msUntilNextDue(o.db)) ?? 20;
    await new Promise((r) => setTimeout(r, Math.min(Math.max(wait, 5), 100)));
  }
}
