import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/context";
import { Forbidden, Unauthenticated } from "@/lib/domain/errors";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { countJobs, LAST_ERROR_MAX_CHARS, listJobs } from "./list-jobs";
import { jobRuns } from "./schema";

const admin: Actor = { type: "user", userId: randomUUID(), role: "admin", emailVerified: true, sessionId: null };
const attendee: Actor = { type: "user", userId: randomUUID(), role: "attendee", emailVerified: true, sessionId: null };

type RunRow = PgInsertValue<typeof jobRuns>;

async function insertRun(functionId: string, overrides: Partial<RunRow>): Promise<void> {
  await getDb()
    .insert(jobRuns)
    .values({ functionId, event: { name: "booking.confirmed", data: {} }, requestId: "req", maxAttempts: 5, ...overrides });
}

describe("listJobs", () => {
  beforeEach(async () => {
    await resetDatabase();
    await insertRun("pending-fn", { runAt: sql`now() - interval '3 seconds'` });
    await insertRun("running-fn", {
      status: "running",
      runAt: sql`now() - interval '2 seconds'`,
      lockedBy: "w",
      lockedUntil: sql`now() + interval '30 seconds'`,
    });
    await insertRun("retrying-fn", {
      attempt: 2,
      runAt: sql`now() + interval '10 seconds'`,
      lastError: { name: "Error", message: "SMTP timed out" },
    });
    await insertRun("sleeping-fn", { runAt: sql`now() + interval '1 hour'` });
    await insertRun("dead-fn", {
      status: "dead",
      attempt: 4,
      lastError: { name: "TypeError", message: "x".repeat(500) },
      finishedAt: sql`now() - interval '1 minute'`,
    });
    await insertRun("completed-fn", { status: "completed", finishedAt: sql`now()` });
  });

  it("lists waiting runs due first, each with the state an operator reads from it", async () => {
    const runs = await listJobs({ ctx: testCtx(admin), input: {} });

    expect(runs.map((r) => [r.functionId, r.state])).toEqual([
      ["pending-fn", "pending"],
      ["running-fn", "running"],
      ["retrying-fn", "retrying"],
      ["sleeping-fn", "sleeping"],
    ]);
    expect(runs[2]).toMatchObject({ eventName: "booking.confirmed", attempt: 2, maxAttempts: 5, lastError: "SMTP timed out" });
    expect(runs[1]!.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(runs[3]!.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });

  it("lists dead runs with their last error cut short and no next run", async () => {
    const [dead, ...others] = await listJobs({ ctx: testCtx(admin), input: { view: "dead" } });

    expect(others).toEqual([]);
    expect(dead).toMatchObject({ functionId: "dead-fn", state: "dead", attempt: 4, nextRunAt: null });
    expect(dead!.lastError).toHaveLength(LAST_ERROR_MAX_CHARS);
    expect(dead!.lastError).toMatch(/^TypeError: x+…$/);
  });

  it("counts runs per state, leaving completed history out", async () => {
    expect(await countJobs({ ctx: testCtx(admin) })).toEqual({ pending: 1, running: 1, retrying: 1, sleeping: 1, dead: 1 });
  });

  it("refuses anyone but an administrator", async () => {
    await expect(listJobs({ ctx: testCtx(attendee), input: {} })).rejects.toBeInstanceOf(Forbidden);
    await expect(countJobs({ ctx: testCtx({ type: "anonymous" }) })).rejects.toBeInstanceOf(Unauthenticated);
  });
});
