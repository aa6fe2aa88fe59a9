import { randomUUID } from "node:crypto";
import { count, eq, isNotNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb, type Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { resetDatabase } from "@/tests/harness/db";
import { drainJobs } from "./drain";
import { emit } from "./emit";
import type { JobFunction } from "./registry";
import { createRunner } from "./runner";
import { jobBatchItems, jobRuns } from "./schema";
import { startJobsWorker, type JobsWorker } from "./worker";

type Emitted = Parameters<typeof emit>[1];

async function emitAll(facts: Omit<Emitted, "requestId">[]): Promise<string[]> {
  return getDb().transaction(async (tx) => {
    const ids: string[] = [];
    for (const fact of facts) ids.push(await emit(tx, { ...fact, requestId: randomUUID() } as Emitted));
    return ids;
  });
}

const demo = (to: string) => ({ name: "platform.demo_requested" as const, data: { to } });
const released = (eventId: string) => ({ name: "seats.released" as const, data: { eventId, quantity: 1 } });

async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function completed(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(jobRuns).where(eq(jobRuns.status, "completed"));
  return row!.n;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("flow control in the embedded runner", () => {
  const pools: Db[] = [];
  const workers: JobsWorker[] = [];
  /** A worker on its own connections, as another process would have. */
  const startWorker = (functions: JobFunction[], concurrency = 4) => {
    const db = createDb(env.DATABASE_URL!, { max: 4 });
    pools.push(db);
    workers.push(startJobsWorker({ db, log: logger, functions, concurrency, pollMs: 200 }));
  };

  beforeEach(resetDatabase);
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(pools.splice(0).map((db) => db.$client.end()));
  });

  describe("priority", () => {
    it("runs a function's higher-priority runs ahead of a backlog enqueued before them", async () => {
      const order: string[] = [];
      const ranked = inngest.createFunction(
        { id: "test-ranked", priority: { run: "event.data.to.startsWith('vip') ? 600 : 0" }, triggers: [events["platform.demo_requested"]] },
        async ({ event, step }) => step.run("record", () => void order.push(event.data.to)),
      );
      await emitAll(Array.from({ length: 15 }, (_, i) => demo(`guest${i}@example.com`)));
      await pause(20);
      await emitAll([demo("vip1@example.com"), demo("vip2@example.com")]);

      await drainJobs({ db: getDb(), functions: [ranked] });

      expect(order.slice(0, 2).sort()).toEqual(["vip1@example.com", "vip2@example.com"]);
      expect(order).toHaveLength(17);
    });

    it("puts a +600 run of one function ahead of another function's backlog", async () => {
      const order: string[] = [];
      const bulk = inngest.createFunction({ id: "test-bulk", triggers: [events["platform.demo_requested"]] }, async ({ step }) =>
        step.run("send", () => void order.push("bulk")),
      );
      const account = inngest.createFunction(
        { id: "test-account", priority: { run: "600" }, triggers: [events["auth.registration_for_existing_account"]] },
        async ({ step }) => step.run("send", () => void order.push("account")),
      );
      await emitAll(Array.from({ length: 10 }, (_, i) => demo(`guest${i}@example.com`)));
      await pause(20);
      await emitAll([{ name: "auth.registration_for_existing_account", data: { userId: randomUUID(), email: "ann@example.com", name: "Ann" } }]);

      await drainJobs({ db: getDb(), functions: [bulk, account] });

      expect(order[0]).toBe("account");
      expect(order.filter((o) => o === "bulk")).toHaveLength(10);
    });

    it("delays a run with a negative factor by that many seconds, and clips the factor to ±600", async () => {
      const later = inngest.createFunction(
        { id: "test-later", priority: { run: "event.data.to == 'late@example.com' ? -5000 : 5000" }, triggers: [events["platform.demo_requested"]] },
        async () => "ran",
      );
      await emitAll([demo("late@example.com"), demo("early@example.com")]);
      const runner = createRunner({ db: getDb(), functions: [later] });
      await runner.dispatch();

      const claimed = await runner.claimMany(2);

      expect(claimed.map((r) => (r.event.data as { to: string }).to)).toEqual(["early@example.com"]);
      const runs = await getDb().select().from(jobRuns).orderBy(jobRuns.priority);
      expect(runs.map((r) => r.priority)).toEqual([-600, 600]);
      expect(runs[0]!.queueAt.getTime() - runs[0]!.runAt.getTime()).toBe(600_000);
    });

    it("treats a factor expression that fails on an event as no priority, as Inngest does", async () => {
      const fragile = inngest.createFunction(
        { id: "test-fragile", priority: { run: "event.data.missing > 1 ? 600 : 0" }, triggers: [events["platform.demo_requested"]] },
        async () => "ran",
      );
      await emitAll([demo("ann@example.com")]);
      expect(await drainJobs({ db: getDb(), functions: [fragile] })).toMatchObject({ completed: 1 });
      expect((await getDb().select().from(jobRuns))[0]!.priority).toBe(0);
    });
  });

  describe("concurrency", () => {
    it("never has more steps of one key executing than its limit while four workers race", async () => {
      const active = new Map<string, number>();
      const maxByKey = new Map<string, number>();
      let total = 0;
      let maxTotal = 0;
      const limited = inngest.createFunction(
        {
          id: "test-limited",
          concurrency: [{ limit: 3 }, { limit: 1, key: "event.data.eventId" }],
          triggers: [events["seats.released"]],
        },
        async ({ event, step }) =>
          step.run("work", async () => {
            const key = event.data.eventId;
            active.set(key, (active.get(key) ?? 0) + 1);
            maxByKey.set(key, Math.max(maxByKey.get(key) ?? 0, active.get(key)!));
            maxTotal = Math.max(maxTotal, ++total);
            await pause(15);
            active.set(key, active.get(key)! - 1);
            total--;
          }),
      );
      const keys = Array.from({ length: 5 }, () => randomUUID());
      for (let i = 0; i < 4; i++) startWorker([limited]);

      await emitAll(Array.from({ length: 40 }, (_, i) => released(keys[i % keys.length]!)));
      await waitFor(async () => (await completed()) === 40);

      expect(Math.max(...maxByKey.values())).toBe(1);
      expect(maxByKey.size).toBe(5);
      expect(maxTotal).toBeLessThanOrEqual(3);
      expect(maxTotal).toBeGreaterThan(1);
    });

    it("frees a run's slot while it sleeps: only executing steps count", async () => {
      const order: string[] = [];
      const single = inngest.createFunction(
        { id: "test-single", concurrency: 1, triggers: [events["platform.demo_requested"]] },
        async ({ event, step }) => {
          await step.run("before", () => void order.push(`${event.data.to} before`));
          if (event.data.to === "sleeper@example.com") await step.sleep("nap", "1s");
          await step.run("after", () => void order.push(`${event.data.to} after`));
        },
      );
      await emitAll([demo("sleeper@example.com")]);
      await pause(20);
      await emitAll([demo("quick@example.com")]);

      await drainJobs({ db: getDb(), functions: [single] });

      expect(order).toEqual(["sleeper@example.com before", "quick@example.com before", "quick@example.com after", "sleeper@example.com after"]);
    });
  });

  describe("throttle", () => {
    it("starts at most burst + 1 runs at once, then one per period / limit, across two workers", async () => {
      const paced = inngest.createFunction(
        { id: "test-paced", throttle: { limit: 5, period: "1s", burst: 2 }, triggers: [events["platform.demo_requested"]] },
        async ({ step }) => step.run("start", () => "started"),
      );
      startWorker([paced]);
      startWorker([paced]);

      await emitAll(Array.from({ length: 8 }, (_, i) => demo(`guest${i}@example.com`)));
      await waitFor(async () => (await completed()) === 8);

      // A start is a run's first claim, stamped by the database clock that paces them.
      const runs = await getDb().select({ startedAt: jobRuns.startedAt }).from(jobRuns);
      const starts = runs.map((r) => r.startedAt!.getTime()).sort((a, b) => a - b);
      const offsets = starts.map((t) => t - starts[0]!);
      // GCRA with a 200 ms emission interval and room for 3: three at once, then every 200 ms.
      expect(offsets[2]).toBeLessThan(100);
      for (let k = 3; k < offsets.length; k++) expect(offsets[k]).toBeGreaterThanOrEqual((k - 2) * 200 - 1);
      expect(offsets[7]).toBeLessThan(2_500);
    });

    it("paces each throttle key on its own", async () => {
      const perEvent = inngest.createFunction(
        { id: "test-per-event", throttle: { limit: 2, period: "1s", key: "event.data.eventId" }, triggers: [events["seats.released"]] },
        async ({ step }) => step.run("start", () => "started"),
      );
      const [a, b] = [randomUUID(), randomUUID()];
      startWorker([perEvent]);
      await emitAll([released(a), released(a), released(b), released(b)]);
      await waitFor(async () => (await completed()) === 4);

      const runs = await getDb().select().from(jobRuns);
      const startsOf = (key: string) =>
        runs
          .filter((r) => (r.event.data as { eventId: string }).eventId === key)
          .map((r) => r.startedAt!.getTime())
          .sort((x, y) => x - y);
      for (const key of [a, b]) {
        const [first, second] = startsOf(key);
        expect(second! - first!).toBeGreaterThanOrEqual(499);
      }
      // Keys do not wait for one another: both firsts start together.
      expect(Math.abs(startsOf(a)[0]! - startsOf(b)[0]!)).toBeLessThan(100);
    });
  });

  describe("batchEvents", () => {
    it("hands the function full batches at once and the rest after the timeout, each event in one run", async () => {
      const batches: string[][] = [];
      const batched = inngest.createFunction(
        { id: "test-batched", batchEvents: { maxSize: 5, timeout: "1s" }, triggers: [events["platform.demo_requested"]] },
        async ({ events: got, step }) => step.run("apply", () => void batches.push(got.map((e) => e.id!))),
      );
      // A batch's timeout runs from its first event's emission, not from its dispatch.
      const emitted = Date.now();
      const ids = await emitAll(Array.from({ length: 12 }, (_, i) => demo(`guest${i}@example.com`)));
      // Four processes dispatch at the same moment.
      const runners = Array.from({ length: 4 }, () => {
        const db = createDb(env.DATABASE_URL!, { max: 2 });
        pools.push(db);
        return createRunner({ db, functions: [batched] });
      });
      await Promise.all(runners.map((r) => r.dispatch()));
      const early = await getDb().select().from(jobRuns);
      expect(early.map((r) => r.events!.length).sort()).toEqual([5, 5]);
      expect(await getDb().$count(jobBatchItems)).toBe(2);

      await drainJobs({ db: getDb(), functions: [batched] });

      expect(batches.map((b) => b.length).sort()).toEqual([2, 5, 5]);
      expect(batches.flat().sort()).toEqual([...ids].sort());
      // The last two waited out the 1 s timeout (measured from before the emission: setting up
      // four runners may take a good part of that second on a busy machine).
      expect(Date.now() - emitted).toBeGreaterThanOrEqual(1000);
    });

    it("keeps events of different batch keys apart", async () => {
      const batches: string[][] = [];
      const keyed = inngest.createFunction(
        { id: "test-keyed", batchEvents: { maxSize: 10, timeout: "1s", key: "event.data.eventId" }, triggers: [events["seats.released"]] },
        async ({ events: got, step }) => step.run("apply", () => void batches.push(got.map((e) => e.data.eventId))),
      );
      const [a, b] = [randomUUID(), randomUUID()];
      await emitAll([released(a), released(b), released(a), released(b), released(a)]);

      await drainJobs({ db: getDb(), functions: [keyed] });

      expect(batches.map((batch) => new Set(batch).size)).toEqual([1, 1]);
      expect(batches.map((batch) => batch.length).sort()).toEqual([2, 3]);
      expect(await getDb().$count(jobRuns, isNotNull(jobRuns.events))).toBe(2);
    });
  });
});
