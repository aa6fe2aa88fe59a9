import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getSeatsAvailable } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { testCtx } from "@/tests/harness/db";
import { cancelEvent } from "./cancel-event";
import { draftEvent, publishedEvent, userActor, resetEventsState } from "./event-fixtures";
import { publishEvent } from "./publish-event";

const owner = userActor("organizer");

beforeEach(resetEventsState);

async function facts(eventId: string) {
  return getDb().execute<{ name: string; data: { status: string; version: number } }>(
    sql`select name, data from platform.outbox where data->>'eventId' = ${eventId} order by occurred_at, name`,
  );
}

describe("event lifecycle", () => {
  it("creates a draft at version 1 with its seat inventory, then publishes and cancels it, emitting each fact", async () => {
    const draft = await draftEvent(owner, { capacity: 40 });
    expect(draft).toMatchObject({ status: "draft", version: 1, seatsAvailable: 40 });
    expect((await getSeatsAvailable({ ctx: testCtx(), input: { eventIds: [draft.id] } })).get(draft.id)).toBe(40);

    const published = await publishEvent({ ctx: testCtx(owner), input: { id: draft.id } });
    const cancelled = await cancelEvent({ ctx: testCtx(owner), input: { id: draft.id } });

    expect([published.status, published.version, cancelled.status, cancelled.version]).toEqual(["published", 2, "cancelled", 3]);
    expect((await facts(draft.id)).map((f) => [f.name, f.data.status, f.data.version])).toEqual([
      ["event.created", "draft", 1],
      ["event.published", "published", 2],
      ["event.cancelled", "cancelled", 3],
    ]);
  });

  it("refuses to publish anything but a draft, and to cancel twice, with INVALID_STATE", async () => {
    const event = await publishedEvent(owner);
    await expect(publishEvent({ ctx: testCtx(owner), input: { id: event.id } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await cancelEvent({ ctx: testCtx(owner), input: { id: event.id } });
    await expect(cancelEvent({ ctx: testCtx(owner), input: { id: event.id } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(publishEvent({ ctx: testCtx(owner), input: { id: event.id } })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("publishes a draft exactly once when 10 publishes race, and emits one fact", async () => {
    const draft = await draftEvent(owner);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        publishEvent({ ctx: testCtx(owner), input: { id: draft.id } }).then(
          () => "ok",
          (e: unknown) => (isDomainError(e) ? e.code : Promise.reject(e)),
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "INVALID_STATE")).toHaveLength(9);
    expect((await facts(draft.id)).filter((f) => f.name === "event.published")).toHaveLength(1);
  });

  it("refuses to publish an event that has already ended with INVALID_STATE, and leaves it a draft", async () => {
    const now = Date.now();
    const ended = await draftEvent(owner, { startsAt: new Date(now - 3 * 3_600_000).toISOString(), endsAt: new Date(now - 1000).toISOString() });
    await expect(publishEvent({ ctx: testCtx(owner), input: { id: ended.id } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "This event has already ended, so it can no longer be published.",
    });
    const running = await draftEvent(owner, { startsAt: new Date(now - 3_600_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() });
    expect((await publishEvent({ ctx: testCtx(owner), input: { id: running.id } })).status).toBe("published");
    expect((await facts(ended.id)).map((f) => f.name)).toEqual(["event.created"]);
  });

  it("marks an event past from its end time, without storing a status for it", async () => {
    const now = Date.now();
    const event = await publishedEvent(owner, {
      startsAt: new Date(now - 3 * 3_600_000).toISOString(),
      endsAt: new Date(now - 3_600_000).toISOString(),
    });
    expect(event).toMatchObject({ status: "published", isPast: true });
  });
});
