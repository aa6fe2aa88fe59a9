import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { resetDatabase } from "@/tests/harness/db";
import { emit } from "./emit";
import type { InngestEventPayload } from "./event-payload";
import { jobRuns, outbox } from "./schema";
import { startJobsWorker, type JobsWorker } from "./worker";

const demo = events["platform.demo_requested"];

async function emitDemos(n: number, requestId = randomUUID()): Promise<void> {
  await getDb().transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await emit(tx, { name: "platform.demo_requested", data: { to: `guest${i}@example.com` }, requestId });
    }
  });
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function completedRuns(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(jobRuns).where(eq(jobRuns.status, "completed"));
  return row!.n;
}

describe("startJobsWorker", () => {
  const pools: Db[] = [];
  const workers: JobsWorker[] = [];
  const pool = () => {
    const db = createDb(env.DATABASE_URL!, { max: 5 });
    pools.push(db);
    return db;
  };

  beforeEach(resetDatabase);
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(pools.splice(0).map((db) => db.$client.end()));
  });

  it("runs each of 60 runs exactly once when two workers race for them", async () => {
    const executions = new Map<string, number>();
    const workersSeen = new Set<string | null>();
    let active = 0;
    let maxActive = 0;
    const tally = inngest.createFunction({ id: "test-tally", triggers: [demo] }, async ({ step, runId }) => {
      await step.run("work", async () => {
        executions.set(runId, (executions.get(runId) ?? 0) + 1);
        maxActive = Math.max(maxActive, ++active);
        const [run] = await getDb().select({ by: jobRuns.lockedBy }).from(jobRuns).where(eq(jobRuns.id, runId));
        workersSeen.add(run!.by);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      });
    });
    for (const name of ["a", "b"]) {
      workers.push(startJobsWorker({ db: pool(), log: logger, functions: [tally], concurrency: 4, workerId: name }));
    }

    await emitDemos(60);
    await waitFor(async () => (await completedRuns()) === 60);

    expect(executions.size).toBe(60);
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    expect(maxActive).toBeGreaterThan(1);
    expect(workersSeen).toEqual(new Set(["a", "b"]));
  });

  it("wakes on the NOTIFY of a committed emit instead of waiting for its poll", async () => {
    const quick = inngest.createFunction({ id: "test-quick", triggers: [demo] }, async () => "done");
    workers.push(startJobsWorker({ db: pool(), log: logger, functions: [quick], pollMs: 60_000 }));
    await new Promise((r) => setTimeout(r, 200));

    const started = Date.now();
    await emitDemos(1);
    await waitFor(async () => (await completedRuns()) === 1, 5_000);

    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("on stop, finishes the step in progress and hands the run back for another worker", async () => {
    let releaseStep: () => void = () => {};
    let stepStarted: () => void = () => {};
    const started = new Promise<void>((r) => (stepStarted = r));
    const twoSteps = inngest.createFunction({ id: "test-two-steps", triggers: [demo] }, async ({ step }) => {
      await step.run("first", async () => {
        stepStarted();
        await new Promise<void>((r) => (releaseStep = r));
      });
      await step.run("second", () => "second");
    });
    const worker = startJobsWorker({ db: pool(), log: logger, functions: [twoSteps] });
    await emitDemos(1);
    await started;

    const stopped = worker.stop();
    releaseStep();
    await stopped;

    const [run] = await getDb().select().from(jobRuns);
    expect(run).toMatchObject({ status: "queued", lockedBy: null, lockedUntil: null });
    expect(run!.stepOrder).toHaveLength(1);
  });

  it("only relays the outbox to the Inngest server when one is configured", async () => {
    const sent: InngestEventPayload[] = [];
    const untouched = inngest.createFunction({ id: "test-untouched", triggers: [demo] }, async () => "ran");
    const requestId = randomUUID();
    workers.push(
      startJobsWorker({
        db: pool(),
        log: logger,
        functions: [untouched],
        sendToInngest: async (batch) => void sent.push(...batch),
      }),
    );

    await emitDemos(3, requestId);
    // The relay marks rows dispatched after the send returns: wait for the marks, not the sends.
    await waitFor(async () => (await getDb().select().from(outbox)).every((r) => r.dispatchedAt !== null));

    const rows = await getDb().select().from(outbox);
    expect(rows).toHaveLength(3);
    expect(sent.map((e) => e.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(sent[0]).toMatchObject({ name: "platform.demo_requested", meta: { sessions: { requestId } } });
    expect(await getDb().select().from(jobRuns)).toEqual([]);
  });
});
