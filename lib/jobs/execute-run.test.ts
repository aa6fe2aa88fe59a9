import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { NonRetriableError, RetryAfterError } from "inngest";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { resetDatabase } from "@/tests/harness/db";
import { drainJobs } from "./drain";
import { emit } from "./emit";
import { createRunner } from "./runner";
import type { JobFunction } from "./registry";
import { jobRuns, outbox } from "./schema";

const demo = events["platform.demo_requested"];
const calls: Record<string, number> = {};
const count = (name: string) => {
  calls[name] = (calls[name] ?? 0) + 1;
  return calls[name];
};

async function emitDemo(requestId = randomUUID()): Promise<string> {
  return getDb().transaction((tx) => emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId }));
}

async function runOf(functionId: string) {
  const [run] = await getDb().select().from(jobRuns).where(eq(jobRuns.functionId, functionId));
  return run!;
}

function drain(fn: JobFunction, timeoutMs = 10_000) {
  return drainJobs({ db: getDb(), functions: [fn], timeoutMs });
}

describe("in-process execution of Inngest functions", () => {
  beforeEach(async () => {
    await resetDatabase();
    for (const key of Object.keys(calls)) delete calls[key];
  });

  it("retries a failing step without redoing the steps that finished before it", async () => {
    const flaky = inngest.createFunction({ id: "test-flaky", retries: 3, triggers: [demo] }, async ({ step }) => {
      const reserved = await step.run("reserve", () => count("reserve"));
      const charged = await step.run("charge", () => {
        if (count("charge") <= 2) throw new Error("payment provider timed out");
        return "charged";
      });
      return { reserved, charged };
    });
    await emitDemo();

    const result = await drain(flaky);

    expect(calls).toEqual({ reserve: 1, charge: 3 });
    expect(result).toMatchObject({ retrying: 2, completed: 1, dead: 0 });
    const run = await runOf("test-flaky");
    expect(run).toMatchObject({ status: "completed", result: { reserved: 1, charged: "charged" } });
    expect(run.lastError).toMatchObject({ message: "payment provider timed out" });
  });

  it("honours step.sleep: the step after it runs once the sleep is over, not before", async () => {
    const times: Record<string, number> = {};
    const sleepy = inngest.createFunction({ id: "test-sleepy", triggers: [demo] }, async ({ step }) => {
      times.before = await step.run("before", () => Date.now());
      await step.sleep("nap", "1s");
      times.after = await step.run("after", () => Date.now());
    });
    await emitDemo();

    const result = await drain(sleepy);

    expect(result).toMatchObject({ sleeping: 1, completed: 1 });
    expect(times.after! - times.before!).toBeGreaterThanOrEqual(950);
    expect((await runOf("test-sleepy")).status).toBe("completed");
  });

  it("parks a run as dead after its last attempt, keeping the error", async () => {
    const doomed = inngest.createFunction({ id: "test-doomed", retries: 2, triggers: [demo] }, async ({ step }) => {
      await step.run("always-fails", () => {
        count("attempt");
        throw new Error("the venue API is gone");
      });
    });
    await emitDemo();

    const result = await drain(doomed);

    expect(calls.attempt).toBe(3);
    expect(result.dead).toBe(1);
    const run = await runOf("test-doomed");
    expect(run.status).toBe("dead");
    expect(run.finishedAt).not.toBeNull();
    expect(run.lastError).toMatchObject({ name: "Error", message: "the venue API is gone" });
  });

  it("waits as long as a RetryAfterError asks before the next attempt, not the usual backoff", async () => {
    const busy = inngest.createFunction({ id: "test-busy", retries: 3, triggers: [demo] }, async ({ step }) => {
      await step.run("call-provider", () => {
        if (count("call") === 1) throw new RetryAfterError("the mail provider asks us to wait", "30s");
        return "sent";
      });
    });
    await emitDemo();
    const runner = createRunner({ db: getDb(), functions: [busy], retryBaseMs: 10, retryMaxMs: 10 });
    await runner.dispatch();
    const before = Date.now();

    expect(await runner.execute((await runner.claim())!)).toBe("retrying");

    const run = await runOf("test-busy");
    expect(run).toMatchObject({ status: "queued", attempt: 1, lastError: { message: "the mail provider asks us to wait" } });
    expect(run.runAt.getTime() - before).toBeGreaterThanOrEqual(29_000);
    expect(run.runAt.getTime() - before).toBeLessThanOrEqual(31_000);
    expect(await runner.claim()).toBeNull();
  });

  it("does not retry a NonRetriableError", async () => {
    const refused = inngest.createFunction({ id: "test-refused", retries: 5, triggers: [demo] }, async ({ step }) => {
      await step.run("validate", () => {
        count("validate");
        throw new NonRetriableError("the booking no longer exists");
      });
    });
    await emitDemo();

    await drain(refused);

    expect(calls.validate).toBe(1);
    expect(await runOf("test-refused")).toMatchObject({
      status: "dead",
      lastError: { message: "the booking no longer exists" },
    });
  });

  it("runs parallel steps each once and passes their results on", async () => {
    const fanIn = inngest.createFunction({ id: "test-parallel", triggers: [demo] }, async ({ step }) => {
      const [a, b] = await Promise.all([step.run("a", () => count("a")), step.run("b", () => count("b") + 10)]);
      return a + b;
    });
    await emitDemo();

    await drain(fanIn);

    expect(calls).toEqual({ a: 1, b: 1 });
    expect(await runOf("test-parallel")).toMatchObject({ status: "completed", result: 12 });
  });

  it("writes step.sendEvent to the outbox once, carrying the request id on to the next run", async () => {
    const requestId = randomUUID();
    const seen: string[] = [];
    const chain = inngest.createFunction({ id: "test-chain", triggers: [demo] }, async ({ event, step, ctx }) => {
      seen.push(ctx.requestId);
      if (event.data.to !== "ann@example.com") return;
      await step.sendEvent("forward", { name: "platform.demo_requested", data: { to: "bob@example.com" } });
      await step.run("fail-once-after-sending", () => {
        if (count("after-send") === 1) throw new Error("crash after the send was stored");
      });
    });
    await emitDemo(requestId);

    await drain(chain);

    const rows = await getDb().select().from(outbox).orderBy(outbox.occurredAt);
    expect(rows.map((r) => [r.data.to, r.requestId])).toEqual([
      ["ann@example.com", requestId],
      ["bob@example.com", requestId],
    ]);
    expect((await getDb().select().from(jobRuns)).every((r) => r.status === "completed")).toBe(true);
    expect(new Set(seen)).toEqual(new Set([requestId]));
  });

  it("sends an event once when its step is redone because the step's result was never stored", async () => {
    const sender = inngest.createFunction({ id: "test-sender", triggers: [demo] }, async ({ event, step }) => {
      if (event.data.to !== "ann@example.com") return;
      await step.sendEvent("forward", { name: "platform.demo_requested", data: { to: "bob@example.com" } });
    });
    await emitDemo();
    const db = getDb();
    const runner = createRunner({ db, functions: [sender] });
    await runner.dispatch();
    const claimed = (await runner.claim())!;
    // As if this worker stalled and lost its lease mid-step: the send happens, its result is not stored.
    await db.update(jobRuns).set({ lockedBy: "another-worker" }).where(eq(jobRuns.id, claimed.id));
    expect(await runner.execute(claimed)).toBe("lost");
    await db.update(jobRuns).set({ lockedBy: null, lockedUntil: null }).where(eq(jobRuns.id, claimed.id));

    await drain(sender);

    const sent = await db.select().from(outbox).where(eq(outbox.name, "platform.demo_requested"));
    expect(sent.map((r) => r.data.to).sort()).toEqual(["ann@example.com", "bob@example.com"]);
  });

  it("parks a run that waits for an event, which only an Inngest server can deliver", async () => {
    const waiting = inngest.createFunction({ id: "test-waiting", triggers: [demo] }, async ({ step }) => {
      await step.waitForEvent("reply", { event: "platform.demo_requested", timeout: "1h" });
    });
    await emitDemo();

    await drain(waiting);

    expect(await runOf("test-waiting")).toMatchObject({
      status: "dead",
      lastError: { name: "UnsupportedStep", message: expect.stringContaining("needs an Inngest server") },
    });
  });
});
