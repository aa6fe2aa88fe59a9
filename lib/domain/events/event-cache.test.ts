import type { Counter } from "prom-client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/domain/context";
import { registry } from "@/lib/metrics/registry";
import { closeRedis, createTcpRedis } from "@/lib/redis/client";
import { testCtx } from "@/tests/harness/db";
import { createEventCache } from "./event-cache";
import { eventRecordCodec } from "./event-json";
import { publishedEvent, resetEventsState, userActor } from "./event-fixtures";
import type { EventRecord } from "./event-record";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";
import { updateEvent } from "./update-event";

const owner = userActor("organizer");
const unreachable = createTcpRedis("redis://127.0.0.1:6399/1", { connectTimeoutMs: 200 });

beforeEach(resetEventsState);
afterAll(() => closeRedis(unreachable));

async function counted(name: "cache_hits_total" | "cache_misses_total", cache: string): Promise<number> {
  const metric = registry.getSingleMetric(name) as Counter | undefined;
  const values = (await metric?.get())?.values ?? [];
  return values.find((v) => v.labels.cache === cache)?.value ?? 0;
}

describe("event cache", () => {
  it("serves repeated reads from Redis and shows an update on the very next read, detail and list", async () => {
    const event = await publishedEvent(owner, { title: "Opening night" });
    const read = () => getEvent({ ctx: testCtx(anonymous), input: { id: event.id } });
    const browse = () => listEvents({ ctx: testCtx(anonymous), input: {} });

    await read();
    await browse();
    const hitsBefore = [await counted("cache_hits_total", "event"), await counted("cache_hits_total", "event_list")];
    expect((await read())?.title).toBe("Opening night");
    expect((await browse()).data[0]?.title).toBe("Opening night");
    expect([await counted("cache_hits_total", "event"), await counted("cache_hits_total", "event_list")]).toEqual(hitsBefore.map((n) => n + 1));

    await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: event.version, title: "Opening night (moved)" } });

    expect((await read())?.title).toBe("Opening night (moved)");
    expect((await browse()).data[0]?.title).toBe("Opening night (moved)");
  });

  it("keeps seats exact on the detail even when the event itself comes from the cache", async () => {
    const event = await publishedEvent(owner, { capacity: 50 });
    await getEvent({ ctx: testCtx(anonymous), input: { id: event.id } });
    await updateEvent({ ctx: testCtx(owner), input: { id: event.id, version: event.version, capacity: 60 } });
    expect(await getEvent({ ctx: testCtx(anonymous), input: { id: event.id } })).toMatchObject({ capacity: 60, seatsAvailable: 60 });
  });

  it("never lets a read that loaded the old row before an invalidation fill the cache for later readers", async () => {
    const cache = createEventCache();
    const event = await publishedEvent(owner);
    const stale = { ...event, title: "Old title", publishedAt: new Date(), cancelledAt: null } as EventRecord;
    let release!: () => void;
    const slowLoad = new Promise<void>((resolve) => (release = resolve));

    const slowReader = cache.event(event.id, async () => (await slowLoad, stale), eventRecordCodec);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await cache.invalidate(event.id);
    release();
    await slowReader;

    const fresh = await cache.event(event.id, async () => ({ ...stale, title: "New title" }), eventRecordCodec);
    expect(fresh?.title).toBe("New title");
  });

  it("goes straight to the loader when Redis is unreachable, without an error", async () => {
    const cache = createEventCache(unreachable);
    const record = { id: "e1", title: "From Postgres" } as EventRecord;
    const missesBefore = await counted("cache_misses_total", "event");

    expect(await cache.event("e1", async () => record, eventRecordCodec)).toMatchObject({ title: "From Postgres" });
    expect(await cache.list({ q: "x" }, async () => ({ data: [], nextCursor: null }), { encode: (v) => v, decode: (v) => v as never })).toEqual({
      data: [],
      nextCursor: null,
    });
    expect(await cache.invalidate("e1")).toBe(false);
    expect(await counted("cache_misses_total", "event")).toBe(missesBefore + 1);
  });
});
