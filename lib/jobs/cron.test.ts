import { beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { inngest } from "@/inngest/client";
import { resetDatabase } from "@/tests/harness/db";
import { nextTick, scheduleCronTicks } from "./cron";
import { drainJobs } from "./drain";
import { buildRegistry } from "./registry";
import { jobRuns } from "./schema";

const ticks: string[] = [];
const everyMinute = inngest.createFunction(
  { id: "test-every-minute", triggers: [{ cron: "* * * * *" }] },
  async ({ event, step }) => {
    await step.run("tick", () => void ticks.push(event.name));
  },
);
const registry = buildRegistry(inngest.id, [everyMinute]);

describe("cron-triggered functions", () => {
  beforeEach(async () => {
    await resetDatabase();
    ticks.length = 0;
  });

  it("reads expressions in UTC unless they name a zone", () => {
    const at = new Date("2026-03-01T10:30:20Z");
    expect(nextTick("0 12 * * *", at)).toEqual(new Date("2026-03-01T12:00:00Z"));
    expect(nextTick("TZ=Europe/Lisbon 0 12 * * *", new Date("2026-07-01T10:30:00Z"))).toEqual(
      new Date("2026-07-01T11:00:00Z"),
    );
  });

  it("does not run a tick that was due before the first start, then runs each due tick once", async () => {
    const db = getDb();
    const start = new Date("2026-03-01T10:30:20Z");
    expect(await scheduleCronTicks(db, registry, start)).toBe(0);

    const later = new Date("2026-03-01T10:31:05Z");
    expect(await scheduleCronTicks(db, registry, later)).toBe(1);
    expect(await scheduleCronTicks(db, registry, later)).toBe(0);

    const runs = await db.select().from(jobRuns);
    expect(runs.map((r) => r.scheduledAt)).toEqual([new Date("2026-03-01T10:31:00Z")]);
  });

  it("creates one run per tick when several processes schedule at the same moment", async () => {
    const start = new Date("2026-03-01T10:30:20Z");
    await scheduleCronTicks(getDb(), registry, start);
    const pools = Array.from({ length: 4 }, () => createDb(env.DATABASE_URL!, { max: 2 }));
    try {
      // After downtime only the latest missed tick runs, whichever process sees it first.
      const at = new Date("2026-03-01T10:45:30Z");
      await Promise.all(pools.map((db) => scheduleCronTicks(db, registry, at)));
    } finally {
      await Promise.all(pools.map((db) => db.$client.end()));
    }
    const runs = await getDb().select().from(jobRuns);
    expect(runs).toHaveLength(1);
  });

  it("runs a tick with Inngest's scheduled timer event", async () => {
    const yearly = inngest.createFunction(
      { id: "test-yearly", triggers: [{ cron: "0 0 1 1 *" }] },
      async ({ event, step }) => {
        await step.run("tick", () => void ticks.push(`${event.name} ${JSON.stringify(event.data)}`));
      },
    );
    const db = getDb();
    // The schedule starts before 2020-01-01, so that tick is due now and no other one will be.
    await scheduleCronTicks(db, buildRegistry(inngest.id, [yearly]), new Date("2019-12-31T23:00:00Z"));

    await drainJobs({ db, functions: [yearly] });

    expect(ticks).toEqual([`inngest/scheduled.timer ${JSON.stringify({ cron: "0 0 1 1 *" })}`]);
  });
});
