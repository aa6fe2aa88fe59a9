import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/domain/errors";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { draftEvent, publishedEvent, userActor, resetEventsState } from "./event-fixtures";
import { getEvent } from "./get-event";
import { updateEvent } from "./update-event";

const owner = userActor("organizer");

beforeEach(resetEventsState);

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return "ok";
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

describe("updateEvent", () => {
  it("applies a partial edit, bumps the version and records the changed fields in the outbox", async () => {
    const event = await draftEvent(owner);
    const updated = await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, title: "Jazz Night, second set", capacity: 120 } });

    expect(updated).toMatchObject({ title: "Jazz Night, second set", capacity: 120, venue: event.venue, version: 2 });
    const [fact] = await getDb().execute<{ data: { changes: string[]; version: number } }>(
      sql`select data from platform.outbox where name = 'event.updated'`,
    );
    expect(fact?.data).toMatchObject({ changes: ["title", "capacity"], version: 2 });
  });

  it("lets exactly one of two concurrent edits made from the same version win; the other gets VERSION_CONFLICT", async () => {
    const event = await publishedEvent(owner);
    const results = await Promise.all(
      ["Edit from tab A", "Edit from tab B"].map((title) =>
        outcome(updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: event.version, title } })),
      ),
    );

    expect(results.sort()).toEqual(["VERSION_CONFLICT", "ok"]);
    const after = await getEvent({ ctx: testCtx(owner), input: { id: event.id } });
    expect(after?.version).toBe(event.version + 1);
  });

  it("lets exactly one of 12 concurrent edits from the same version win", async () => {
    const event = await draftEvent(owner);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) => outcome(updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, capacity: 100 + n } }))),
    );

    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "VERSION_CONFLICT")).toHaveLength(11);
    expect((await getEvent({ ctx: testCtx(owner), input: { id: event.id } }))?.version).toBe(2);
  });

  it("refuses a stale version with VERSION_CONFLICT and changes nothing", async () => {
    const event = await draftEvent(owner);
    await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, title: "First edit" } });

    await expect(updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, title: "Stale edit" } })).rejects.toMatchObject({
      code: "VERSION_CONFLICT",
    });
    expect((await getEvent({ ctx: testCtx(owner), input: { id: event.id } }))?.title).toBe("First edit");
  });

  it("checks the end time against the stored start when only one of them changes", async () => {
    const event = await draftEvent(owner);
    await expect(
      updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, endsAt: new Date(event.startsAt.getTime() - 60_000).toISOString() } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fieldErrors: [{ path: "endsAt" }] });
  });

  it("refuses to edit a cancelled event with INVALID_STATE", async () => {
    const event = await publishedEvent(owner);
    const cancelled = await cancelEvent({ ctx: testCtx(owner), input: { id: event.id } });
    await expect(updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: cancelled.version, title: "Back on" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });
});

describe("event time zone", () => {
  it("defaults a new event to UTC, stores the zone it is given and records a zone change in the outbox", async () => {
    expect((await draftEvent(owner)).timezone).toBe("UTC");
    const event = await draftEvent(owner, { timezone: "Europe/Lisbon" });
    expect(event.timezone).toBe("Europe/Lisbon");
    const updated = await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: 1, timezone: "America/New_York" } });
    expect(updated).toMatchObject({ timezone: "America/New_York", version: 2, startsAt: event.startsAt });
    const [fact] = await getDb().execute<{ data: { changes: string[]; timezone: string } }>(sql`select data from platform.outbox where name = 'event.updated'`);
    expect(fact?.data).toMatchObject({ changes: ["timezone"], timezone: "America/New_York" });
  });

  it("refuses a zone that is not an IANA name with a field error on timezone", async () => {
    for (const timezone of ["+01:00", "Mars/Olympus_Mons", "EST"]) {
      await expect(draftEvent(owner, { timezone })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["timezone"] })] });
    }
  });
});
