import { Redis, type Requester } from "@upstash/redis";
import { env } from "@/lib/env";
import { withDeadline } from "@/lib/resilience/deadline";
import { createTcpRequester, type TcpRequesterOptions } from "./tcp-requester";

/**
 * The app's one Redis client: Upstash REST in production, a plain Redis over TCP (REDIS_URL)
 * elsewhere, or none at all, in which case callers get `null` and degrade.
 */

export type RedisMode = "upstash" | "tcp" | "none";

export type RedisHealth = {
  status: "ok" | "down" | "not_configured";
  latencyMs: number;
  detail?: string;
};

const closers = new WeakMap<Redis, () => Promise<void>>();

/**
 * @upstash/redis turns on auto-pipelining only for url/token clients, never for a custom
 * requester; it is turned on here so commands batch (and order) over TCP as they do on Upstash.
 */
class AutoPipelinedRedis extends Redis {
  constructor(requester: Requester) {
    super(requester);
    return this.autoPipeline();
  }
}

export function createTcpRedis(url: string, options?: TcpRequesterOptions): Redis {
  const requester = createTcpRequester(url, options);
  const redis = new AutoPipelinedRedis(requester);
  closers.set(redis, requester.close);
  return redis;
}

export function createUpstashRedis(url: string, token: string): Redis {
  return new Redis({
    url,
    token,
    // The default (5 retries, exponential) can hold a request for about 12 s when Upstash is unreachable.
    retry: { retries: 1, backoff: () => 50 },
    enableTelemetry: false,
  });
}

export function redisMode(): RedisMode {
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) return "upstash";
  return env.REDIS_URL ? "tcp" : "none";
}

function createFromEnv(): Redis | null {
  switch (redisMode()) {
    case "upstash":
      return createUpstashRedis(env.UPSTASH_REDIS_REST_URL!, env.UPSTASH_REDIS_REST_TOKEN!);
    case "tcp":
      return createTcpRedis(env.REDIS_URL!);
    case "none":
      return null;
  }
}

// Kept on globalThis so dev hot reloads reuse the connection instead of leaking one per edit.
const SINGLETON = Symbol.for("evently.redis");
const holder = globalThis as typeof globalThis & { [SINGLETON]?: Redis | null };

export function getRedis(): Redis | null {
  let redis = holder[SINGLETON];
  if (redis === undefined) {
    redis = createFromEnv();
    holder[SINGLETON] = redis;
  }
  return redis;
}

/** True for the app's own client (not one a test or tool created for itself). */
export function isAppRedis(redis: Redis): boolean {
  return redis === holder[SINGLETON];
}

/** Closes the given client (default: the app's singleton, which a later getRedis() recreates). */
export async function closeRedis(redis: Redis | null | undefined = holder[SINGLETON]): Promise<void> {
  if (!redis) return;
  if (redis === holder[SINGLETON]) holder[SINGLETON] = undefined;
  await closers.get(redis)?.();
}

/** For the health check: never throws, never waits longer than `timeoutMs`. */
export async function pingRedis(options: { redis?: Redis | null; timeoutMs?: number } = {}): Promise<RedisHealth> {
  const { timeoutMs = 500 } = options;
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const redis = options.redis === undefined ? getRedis() : options.redis;
    if (!redis) return { status: "not_configured", latencyMs: 0 };
    const reply = await withDeadline(redis.ping(), timeoutMs);
    if (reply !== "PONG") return { status: "down", latencyMs: elapsed(), detail: `unexpected reply to PING: ${String(reply)}` };
    return { status: "ok", latencyMs: elapsed() };
  } catch (err) {
    return { status: "down", latencyMs: elapsed(), detail: err instanceof Error ? err.message : String(err) };
  }
}
