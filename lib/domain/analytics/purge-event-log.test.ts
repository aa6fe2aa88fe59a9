import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { purgeEventLog } from "./purge-event-log";
import { eventLog } from "./schema";

describe("purgeEventLog", () => {
  beforeEach(resetDatabase);

  it("deletes only markers applied before the cut-off", async () => {
    const old = new Date("2026-01-01T00:00:00Z");
    await getDb().insert(eventLog).values([
      { outboxId: randomUUID(), name: "booking.confirmed", appliedAt: old },
      { outboxId: randomUUID(), name: "booking.confirmed", appliedAt: new Date() },
    ]);
    expect(await purgeEventLog({ ctx: testCtx(), input: { before: new Date("2026-02-01T00:00:00Z"), limit: 100 } })).toBe(1);
    expect(await getDb().$count(eventLog)).toBe(1);
  });
});
