import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { drainJobs } from "./drain";
import { emit } from "./emit";
import { retryDeadRun } from "./retry-dead-run";
import { jobRuns } from "./schema";

const admin: Actor = { type: "user", userId: randomUUID(), role: "admin", emailVerified: true, sessionId: null };
const organizer: Actor = { type: "user", userId: randomUUID(), role: "organizer", emailVerified: true, sessionId: null };

async function insertDeadRun(): Promise<string> {
  const [run] = await getDb()
    .insert(jobRuns)
    .values({
      functionId: "send-demo-email",
      event: { name: "platform.demo_requested", data: { to: "ann@example.com" } },
      requestId: "req",
      status: "dead",
      attempt: 4,
      maxAttempts: 5,
      runAt: sql`now() - interval '1 hour'`,
      lastError: { name: "Error", message: "SMTP refused the connection" },
      finishedAt: sql`now() - interval '5 minutes'`,
    })
    .returning({ id: jobRuns.id });
  return run!.id;
}

describe("retryDeadRun", () => {
  const pools: Db[] = [];
  beforeEach(resetDatabase);
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((db) => db.$client.end()));
  });

  it("puts a dead run back in the queue exactly once when 20 retries race on separate connections", async () => {
    const runId = await insertDeadRun();
    for (let i = 0; i < 4; i++) pools.push(createDb(env.DATABASE_URL!, { max: 5 }));

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => retryDeadRun({ ctx: testCtx(admin, { db: pools[i % pools.length] }), input: { runId } })),
    );

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(refused).toHaveLength(19);
    expect(refused.every((e) => e instanceof Conflict && e.code === "RUN_NOT_DEAD")).toBe(true);
    const [run] = await getDb().select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run).toMatchObject({ status: "queued", attempt: 0, lockedBy: null, finishedAt: null });
    expect(run!.runAt.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(run!.runAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses an organizer and an anonymous caller, and the run stays dead", async () => {
    const runId = await insertDeadRun();

    await expect(retryDeadRun({ ctx: testCtx(organizer), input: { runId } })).rejects.toBeInstanceOf(Forbidden);
    await expect(retryDeadRun({ ctx: testCtx({ type: "anonymous" }), input: { runId } })).rejects.toBeInstanceOf(Unauthenticated);

    const [run] = await getDb().select().from(jobRuns).where(eq(jobRuns.id, runId));
    expect(run).toMatchObject({ status: "dead", attempt: 4 });
  });

  it("answers not found for an unknown id and for one that is not a uuid", async () => {
    await expect(retryDeadRun({ ctx: testCtx(admin), input: { runId: randomUUID() } })).rejects.toBeInstanceOf(NotFound);
    await expect(retryDeadRun({ ctx: testCtx(admin), input: { runId: "42; drop table" } })).rejects.toBeInstanceOf(NotFound);
  });

  it("runs the step that killed the run again, without redoing the steps that succeeded before it", async () => {
    const calls = { prepare: 0, deliver: 0 };
    let providerUp = false;
    const delivery = inngest.createFunction(
      { id: "test-retry-delivery", retries: 1, triggers: [events["platform.demo_requested"]] },
      async ({ step }) => {
        await step.run("prepare", () => ++calls.prepare);
        return step.run("deliver", () => {
          calls.deliver++;
          if (!providerUp) throw new Error("provider down");
          return "delivered";
        });
      },
    );
    const db = getDb();
    await db.transaction((tx) => emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: "req" }));
    await drainJobs({ db, functions: [delivery] });
    const [dead] = await db.select().from(jobRuns);
    expect(dead).toMatchObject({ status: "dead", lastError: { message: "provider down" } });
    // The SDK memoized the failure: replaying it as is would only fail again.
    expect(Object.values(dead!.steps).map((s) => s.type).sort()).toEqual(["data", "error"]);

    providerUp = true;
    await retryDeadRun({ ctx: testCtx(admin), input: { runId: dead!.id } });
    await drainJobs({ db, functions: [delivery] });

    const [run] = await db.select().from(jobRuns);
    expect(run).toMatchObject({ status: "completed", result: "delivered" });
    expect(calls.prepare).toBe(1);
    expect(calls.deliver).toBeGreaterThanOrEqual(3);
  });
});
