import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase } from "@/tests/harness/db";
import { pruneJobHistory } from "./prune";
import { jobRuns, outbox } from "./schema";

const daysAgo = (n: number) => sql`now() - ${n} * interval '1 day'`;

async function eventWithRun(status: "completed" | "dead" | "queued", finishedDaysAgo: number | null, dispatchedDaysAgo = 40) {
  const id = randomUUID();
  const db = getDb();
  await db.insert(outbox).values({
    id,
    name: "platform.demo_requested",
    data: { to: "ann@example.com" },
    requestId: "req",
    dispatchedAt: daysAgo(dispatchedDaysAgo),
  });
  await db.insert(jobRuns).values({
    functionId: "f",
    outboxId: id,
    event: {},
    requestId: "req",
    maxAttempts: 5,
    status,
    finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
  });
  return id;
}

describe("pruneJobHistory", () => {
  beforeEach(resetDatabase);

  it("forgets old finished runs and their events, keeps recent, dead-for-review and waiting ones", async () => {
    const db = getDb();
    await eventWithRun("completed", 8);
    const recent = await eventWithRun("completed", 1);
    const deadRecently = await eventWithRun("dead", 20);
    await eventWithRun("dead", 31);
    const waiting = await eventWithRun("queued", null);
    const undispatched = randomUUID();
    await db.insert(outbox).values({ id: undispatched, name: "platform.demo_requested", data: {}, requestId: "req", occurredAt: daysAgo(40) });

    expect(await pruneJobHistory(db)).toEqual({ runs: 2, events: 2 });

    const kept = await db.select({ id: outbox.id }).from(outbox);
    expect(kept.map((r) => r.id).sort()).toEqual([recent, deadRecently, waiting, undispatched].sort());
    expect(await db.select().from(jobRuns)).toHaveLength(3);
  });
});
