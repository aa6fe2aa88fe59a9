import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { drainJobs } from "./drain";
import { jobsHealth } from "./health";
import { jobRuns, outbox } from "./schema";

const event = { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: "req" };

describe("jobsHealth", () => {
  beforeEach(resetDatabase);

  it("is ok with nothing pending", async () => {
    expect(await jobsHealth(getDb())).toMatchObject({
      status: "ok",
      detail: { backlog: 0, scheduled: 0, oldestPendingSeconds: 0, dead: 0 },
    });
  });

  it("counts undispatched events as backlog, and a run sleeping until later as scheduled, neither late nor backlog", async () => {
    const db = getDb();
    await db.insert(outbox).values({ id: randomUUID(), ...event, createdAt: sql`now() - interval '10 seconds'` });
    await db.insert(jobRuns).values({
      functionId: "f",
      event: {},
      requestId: "req",
      maxAttempts: 5,
      runAt: sql`now() + interval '1 hour'`,
    });

    const health = await jobsHealth(db);

    expect(health.status).toBe("ok");
    expect(health.detail.backlog).toBe(1);
    expect(health.detail.scheduled).toBe(1);
    expect(health.detail.oldestPendingSeconds).toBeGreaterThanOrEqual(9);
    expect(health.detail.oldestPendingSeconds).toBeLessThan(30);
  });

  it("does not count a long step whose worker still holds its lease as waiting", async () => {
    const db = getDb();
    await db.insert(jobRuns).values({
      functionId: "f",
      event: {},
      requestId: "req",
      maxAttempts: 5,
      status: "running",
      runAt: sql`now() - interval '10 minutes'`,
      lockedBy: "w",
      lockedUntil: sql`now() + interval '20 seconds'`,
    });
    expect(await jobsHealth(db)).toMatchObject({ status: "ok", detail: { backlog: 1, oldestPendingSeconds: 0 } });
  });

  it("is degraded when work waits over a minute", async () => {
    const db = getDb();
    await db.insert(outbox).values({ id: randomUUID(), ...event, createdAt: sql`now() - interval '2 minutes'` });
    expect((await jobsHealth(db)).status).toBe("degraded");
  });

  it("ages an event from when it was written, not from the past moment it records", async () => {
    const db = getDb();
    // Seeded history: the fact happened three weeks ago, but became work just now.
    await db.insert(outbox).values({ id: randomUUID(), ...event, occurredAt: sql`now() - interval '21 days'` });
    expect(await jobsHealth(db)).toMatchObject({ status: "ok", detail: { backlog: 1, oldestPendingSeconds: 0 } });
  });

  it("ages a queued run from its due time, whatever its priority factor", async () => {
    const db = getDb();
    const run = { functionId: "f", event: {}, requestId: "req", maxAttempts: 5 };
    // A +600 factor moves the run ahead in the queue; it did not become due ten minutes ago.
    await db.insert(jobRuns).values({ ...run, priority: 600, runAt: sql`now() - interval '5 seconds'` });
    // A -600 factor delays the run: it is not due, let alone overdue, for ten minutes.
    await db.insert(jobRuns).values({ ...run, priority: -600, runAt: sql`now() - interval '5 minutes'` });
    const health = await jobsHealth(db);
    expect(health).toMatchObject({ status: "ok", detail: { backlog: 2 } });
    expect(health.detail.oldestPendingSeconds).toBeGreaterThanOrEqual(4);
    expect(health.detail.oldestPendingSeconds).toBeLessThan(30);

    await db.insert(jobRuns).values({ ...run, runAt: sql`now() - interval '3 minutes'` });
    expect((await jobsHealth(db)).detail.oldestPendingSeconds).toBeGreaterThanOrEqual(180);
  });

  it("is ok on a fresh start with seeded history once its jobs are done", async () => {
    const db = getDb();
    const seeded = inngest.createFunction({ id: "test-seeded", triggers: [events["platform.demo_requested"]] }, async () => "done");
    await db.insert(outbox).values(
      Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), ...event, occurredAt: sql`now() - ${20 + i} * interval '1 day'` })),
    );
    expect((await jobsHealth(db)).status).toBe("ok");

    await drainJobs({ db, functions: [seeded] });

    expect(await jobsHealth(db)).toMatchObject({ status: "ok", detail: { backlog: 0, oldestPendingSeconds: 0, dead: 0 } });
  });

  it("is degraded while a run died within the last hour, and ok again after", async () => {
    const db = getDb();
    const dead = { functionId: "f", event: {}, requestId: "req", maxAttempts: 1, status: "dead" as const };
    await db.insert(jobRuns).values({ ...dead, finishedAt: sql`now() - interval '2 hours'` });
    expect((await jobsHealth(db)).status).toBe("ok");

    await db.insert(jobRuns).values({ ...dead, finishedAt: sql`now() - interval '5 minutes'` });
    expect(await jobsHealth(db)).toMatchObject({ status: "degraded", detail: { dead: 1 } });
  });
});
