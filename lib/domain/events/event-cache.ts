import { createHash } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { Counter } from "prom-client";
import { env } from "@/lib/env";
import { metric } from "@/lib/metrics/registry";
import { getRedis } from "@/lib/redis/client";
import { safeRedis } from "@/lib/redis/safe-redis";

/**
 * Read-through cache for event details and public list pages. Every key embeds a generation
 * number (one per event, one for all lists); a change INCRs the generations after its commit,
 * so invalidation is O(1) and a reader that loaded old rows before the INCR can only fill a
 * key nobody reads any more. Redis failing or absent means "miss": the caller reads Postgres.
 */

export const EVENT_CACHE_TTL_SECONDS = 30;
// Generations outlive every entry written under them (TTL above), so an expired generation
// restarting at 0 can never resurrect an entry.
const GENERATION_TTL_SECONDS = 86_400;

type CacheName = "event" | "event_list";

const hits = metric(
  "cache_hits_total",
  (r) => new Counter({ name: "cache_hits_total", help: "Cache lookups answered from the cache", labelNames: ["cache"], registers: [r] }),
);
const misses = metric(
  "cache_misses_total",
  (r) =>
    new Counter({
      name: "cache_misses_total",
      help: "Cache lookups that went to the database (absent, expired, or cache unavailable)",
      labelNames: ["cache"],
      registers: [r],
    }),
);

/** Every key starts with the deployment's namespace: deployments sharing a Redis never share entries. */
function keysIn(namespace: string) {
  return {
    eventGeneration: (id: string) => `${namespace}:events:event:${id}:gen`,
    event: (id: string, generation: number) => `${namespace}:events:event:${id}:g${generation}`,
    listGeneration: `${namespace}:events:list:gen`,
    list: (generation: number, query: string) => `${namespace}:events:list:g${generation}:${query}`,
  };
}

/** How a value goes into JSON and back (dates travel as ISO strings). */
export type Codec<T> = { encode: (value: T) => unknown; decode: (stored: unknown) => T };

export type EventCache = {
  event<T>(id: string, load: () => Promise<T | null>, codec: Codec<T>): Promise<T | null>;
  list<T>(query: unknown, load: () => Promise<T>, codec: Codec<T>): Promise<T>;
  /** False when Redis could not be told (true when there is no Redis, hence nothing cached). */
  invalidate(eventId: string): Promise<boolean>;
};

/**
 * `redis` undefined: the app's client (or none when Redis is not configured); `namespace`: the
 * deployment's (`CACHE_NAMESPACE`).
 */
export function createEventCache(redis?: Redis | null, namespace: string = env.CACHE_NAMESPACE): EventCache {
  const keys = keysIn(namespace);
  const run = <T>(work: (r: Redis) => Promise<T>, fallback: () => T) => safeRedis(work, fallback, redis);

  async function readThrough<T>(
    cache: CacheName,
    generationKey: string,
    dataKey: (generation: number) => string,
    load: () => Promise<T | null>,
    codec: Codec<T>,
  ): Promise<T | null> {
    const generation = await run(async (r) => (await r.get<number>(generationKey)) ?? 0, () => null);
    if (generation === null) {
      misses.inc({ cache });
      return load();
    }
    const key = dataKey(generation);
    const stored = await run((r) => r.get<unknown>(key), () => null);
    if (stored !== null) {
      hits.inc({ cache });
      return codec.decode(stored);
    }
    misses.inc({ cache });
    const value = await load();
    if (value !== null) await run((r) => r.set(key, codec.encode(value), { ex: EVENT_CACHE_TTL_SECONDS }), () => null);
    return value;
  }

  return {
    event: (id, load, codec) => readThrough("event", keys.eventGeneration(id), (g) => keys.event(id, g), load, codec),
    async list(query, load, codec) {
      const digest = createHash("sha1").update(JSON.stringify(query)).digest("base64url");
      const value = await readThrough("event_list", keys.listGeneration, (g) => keys.list(g, digest), load, codec);
      return value as Awaited<ReturnType<typeof load>>;
    },
    invalidate: (eventId) => {
      if ((redis === undefined ? getRedis() : redis) === null) return Promise.resolve(true);
      return run(async (r) => {
        const generation = keys.eventGeneration(eventId);
        await Promise.all([r.incr(generation), r.expire(generation, GENERATION_TTL_SECONDS), r.incr(keys.listGeneration)]);
        return true;
      }, () => false);
    },
  };
}

let shared: EventCache | undefined;

export function eventCache(): EventCache {
  return (shared ??= createEventCache());
}
