import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";
import { resetDatabase } from "@/tests/harness/db";
import { drainJobs } from "./drain";
import { emit } from "./emit";
import { jobRuns, outbox } from "./schema";

const seen: { to: string; requestId: string; runId: string }[] = [];

const recordDemo = inngest.createFunction(
  { id: "test-record-demo", triggers: [events["platform.demo_requested"]] },
  async ({ event, step, ctx, runId }) => {
    await step.run("record", () => {
      seen.push({ to: event.data.to, requestId: ctx.requestId, runId });
    });
  },
);

describe("emit", () => {
  beforeEach(async () => {
    await resetDatabase();
    seen.length = 0;
  });

  it("never runs a function for an event emitted in a transaction that rolled back", async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId: "req-1" });
        throw new Error("the use case failed after emitting");
      }),
    ).rejects.toThrow("the use case failed");

    await drainJobs({ db, functions: [recordDemo] });

    expect(seen).toEqual([]);
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it("runs each triggered function once for a committed event, with the emitting request's id", async () => {
    const db = getDb();
    const requestId = randomUUID();
    const eventId = await db.transaction((tx) =>
      emit(tx, { name: "platform.demo_requested", data: { to: "ann@example.com" }, requestId }),
    );

    const result = await drainJobs({ db, functions: [recordDemo] });
    await drainJobs({ db, functions: [recordDemo] });

    expect(result.completed).toBe(1);
    const [run] = await db.select().from(jobRuns).where(eq(jobRuns.outboxId, eventId));
    expect(run).toMatchObject({ status: "completed", functionId: "test-record-demo", requestId });
    expect(seen).toEqual([{ to: "ann@example.com", requestId, runId: run!.id }]);
  });

  it("rejects data that does not match the event's schema, before anything is written", async () => {
    const db = getDb();
    await expect(
      db.transaction((tx) =>
        emit(tx, { name: "platform.demo_requested", data: { to: "not-an-email" }, requestId: "req-2" }),
      ),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await db.select().from(outbox)).toEqual([]);
  });
});
