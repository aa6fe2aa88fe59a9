import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { jobsHealth } from "./health";
import { jobRuns, outbox } from "./schema";

const event = { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: "req" };

describe("jobsHealth", () => {
  beforeEach(resetDatabase);

  it("is ok with nothing pending", async () => {
    expect(await jobsHealth(getDb())).toMatchObject({
      status: "ok",
      detail: { backlog: 0, oldestPendingSeconds: 0, dead: 0 },
    });
  });

  it("counts undispatched events and waiting runs, but a sleeping run is not overdue", async () => {
    const db = getDb();
    await db.insert(outbox).values({ id: randomUUID(), ...event, occurredAt: sql`now() - interval '10 seconds'` });
    await db.insert(jobRuns).values({
      functionId: "f",
      event: {},
      requestId: "req",
      maxAttempts: 5,
      runAt: sql`now() + interval '1 hour'`,
    });

    const health = await jobsHealth(db);

    expect(health.status).toBe("ok");
    expect(health.detail.backlog).toBe(2);
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
    await db.insert(outbox).values({ id: randomUUID(), ...event, occurredAt: sql`now() - interval '2 minutes'` });
    expect((await jobsHealth(db)).status).toBe("degraded");
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
