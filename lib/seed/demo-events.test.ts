import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedUsers } from "@/lib/domain/auth";
import { system } from "@/lib/domain/context";
import { listEvents } from "@/lib/domain/events";
import { logger } from "@/lib/log/logger";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { seedDemoEvents } from "./demo-events";

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

describe("seedDemoEvents", () => {
  it("skips quietly when the demo organizers do not exist", async () => {
    await seedDemoEvents({ db: getDb(), log: logger });
    expect((await listEvents({ ctx: testCtx(system), input: { scope: "manage" } })).data).toEqual([]);
  });

  it("creates a dozen published events and one draft, once, however often it runs", async () => {
    await seedUsers({ ctx: testCtx(system), input: { demo: true } });
    await seedDemoEvents({ db: getDb(), log: logger });
    await seedDemoEvents({ db: getDb(), log: logger });

    const all = (await listEvents({ ctx: testCtx(system), input: { scope: "manage", limit: 100 } })).data;
    expect(all).toHaveLength(13);
    expect(all.filter((e) => e.status === "draft")).toHaveLength(1);
    expect(new Set(all.map((e) => e.category)).size).toBeGreaterThanOrEqual(6);
    expect(Math.min(...all.map((e) => e.capacity))).toBeLessThanOrEqual(10);
    expect((await listEvents({ ctx: testCtx(), input: { limit: 100 } })).data).toHaveLength(12);
  });
});
