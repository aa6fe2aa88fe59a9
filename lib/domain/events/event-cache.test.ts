import type { Counter } from "prom-client";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { anonymous } from "@/lib/domain/context";
import { parseEnv } from "@/lib/env";
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
    const stale = { ...event, title: "Old title", publishedAt: new Date(), cancelledAt: null, onlineUrl: null } as EventRecord;
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

  it("keeps each deployment's pages to itself when two share one Redis", async () => {
    const [ours, theirs] = [createEventCache(undefined, "deployment-a"), createEventCache(undefined, "deployment-b")];
    const page = (title: string) => async () => ({ data: [{ title }], nextCursor: null });
    const codec = { encode: (v: unknown) => v, decode: (v: unknown) => v as { data: { title: string }[]; nextCursor: null } };
    expect(await ours.list({ q: "x" }, page("ours"), codec)).toMatchObject({ data: [{ title: "ours" }] });
    expect(await theirs.list({ q: "x" }, page("theirs"), codec)).toMatchObject({ data: [{ title: "theirs" }] });
    // Both are cached now, each under its own namespace.
    expect(await ours.list({ q: "x" }, page("reloaded"), codec)).toMatchObject({ data: [{ title: "ours" }] });
    expect(await theirs.list({ q: "x" }, page("reloaded"), codec)).toMatchObject({ data: [{ title: "theirs" }] });
    // An invalidation in one deployment leaves the other's pages alone.
    await ours.invalidate("any-event");
    expect(await ours.list({ q: "x" }, page("fresh"), codec)).toMatchObject({ data: [{ title: "fresh" }] });
    expect(await theirs.list({ q: "x" }, page("reloaded"), codec)).toMatchObject({ data: [{ title: "theirs" }] });
  });

  it("namespaces by the database's address by default, whatever the credentials", () => {
    const namespace = (url: string, extra: Record<string, string> = {}) =>
      parseEnv({ NODE_ENV: "test", DATABASE_URL: url, AUTH_SECRET: "x".repeat(32), ...extra }).CACHE_NAMESPACE;
    const prod = namespace("postgres://app:secret@db.example:5432/evently");
    expect(prod).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(namespace("postgres://other:rotated@db.example:5432/evently")).toBe(prod);
    expect(namespace("postgres://app:secret@db.example:5432/evently_staging")).not.toBe(prod);
    expect(namespace("postgres://app:secret@db.example:5432/evently", { CACHE_NAMESPACE: "eu-1" })).toBe("eu-1");
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
