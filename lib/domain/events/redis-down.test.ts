import { vi, beforeEach, describe, expect, it } from "vitest";

// Before any import reads the environment: this file's app Redis client points at a closed port.
vi.hoisted(() => {
  process.env.REDIS_URL = "redis://127.0.0.1:6399/1";
});

const { anonymous } = await import("@/lib/domain/context");
const { pingRedis } = await import("@/lib/redis/client");
const { resetDatabase, testCtx } = await import("@/tests/harness/db");
const { publishedEvent, userActor } = await import("./event-fixtures");
const { getEvent } = await import("./get-event");
const { listEvents } = await import("./list-events");
const { updateEvent } = await import("./update-event");

const owner = userActor("organizer");

beforeEach(resetDatabase);

describe("events with Redis down", () => {
  it("still creates, reads, lists and updates events from Postgres", async () => {
    expect((await pingRedis()).status).toBe("down");
    const event = await publishedEvent(owner, { title: "Offline-proof gig" });
    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: event.id } })).toMatchObject({ title: "Offline-proof gig" });

    await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: event.version, title: "Still here" } });

    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: event.id } })).toMatchObject({ title: "Still here" });
    expect((await listEvents({ ctx: testCtx(anonymous), input: { q: "still" } })).data.map((e) => e.title)).toEqual(["Still here"]);
  });
});
