import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedis, createTcpRedis } from "./client";
import { createInProcessLimiter } from "./in-process-limiter";
import { createRateLimiter, durationMs, type RateLimiter, type RateLimitResult } from "./rate-limit";

// Its own logical database (client.test.ts uses 9), so the two files can run side by side.
const REDIS_URL = "redis://127.0.0.1:6379/10";
const CLOSED_PORT_URL = "redis://127.0.0.1:6399/10";
const HOUR_MS = 3_600_000;

let redis: Redis;

beforeAll(async () => {
  redis = createTcpRedis(REDIS_URL);
  await redis.flushdb();
});

afterAll(async () => {
  await closeRedis(redis);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Pins the clock one minute into an hour window, so no test straddles a window boundary. */
function pinClockInsideWindow(): number {
  const now = Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 60_000;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(now);
  return now;
}

async function callTimes(limiter: RateLimiter, key: string, times: number): Promise<RateLimitResult[]> {
  const results: RateLimitResult[] = [];
  for (let i = 0; i < times; i++) results.push(await limiter.limit(key));
  return results;
}

describe("createRateLimiter with Redis", () => {
  it("allows exactly the limit, then denies until the window ends", async () => {
    const now = pinClockInsideWindow();
    const limiter = createRateLimiter({ name: "login", limit: 5, window: "1 h", redis, enabled: true });
    const key = randomUUID();

    const results = await callTimes(limiter, key, 7);

    expect(results.map((r) => r.success)).toEqual([true, true, true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    const denied = results[5]!;
    expect(denied).toMatchObject({ limit: 5, reset: now - 60_000 + HOUR_MS, retryAfterSeconds: 3_540 });
    expect(results[0]!.retryAfterSeconds).toBe(0);
  });

  it("stores its counters under rl:<name>", async () => {
    pinClockInsideWindow();
    const key = randomUUID();
    await createRateLimiter({ name: "signup", limit: 3, window: "1 h", redis, enabled: true }).limit(key);

    const keys = await redis.keys(`rl:signup:${key}:*`);
    expect(keys).toHaveLength(1);
  });

  it("shares one limit between two limiter instances on separate connections", async () => {
    pinClockInsideWindow();
    const otherConnection = createTcpRedis(REDIS_URL);
    try {
      const first = createRateLimiter({ name: "booking", limit: 4, window: "1 h", redis, enabled: true });
      const second = createRateLimiter({ name: "booking", limit: 4, window: "1 h", redis: otherConnection, enabled: true });
      const key = randomUUID();

      const fromFirst = await callTimes(first, key, 3);
      const fromSecond = await callTimes(second, key, 2);

      expect(fromFirst.map((r) => r.success)).toEqual([true, true, true]);
      expect(fromSecond.map((r) => r.success)).toEqual([true, false]);
      expect((await first.limit(key)).success).toBe(false);
      expect((await first.limit(randomUUID())).success).toBe(true);
    } finally {
      await closeRedis(otherConnection);
    }
  });

  it("counts concurrent calls exactly once each", async () => {
    pinClockInsideWindow();
    const limiter = createRateLimiter({ name: "burst", limit: 10, window: "1 h", redis, enabled: true });
    const key = randomUUID();

    const results = await Promise.all(Array.from({ length: 25 }, () => limiter.limit(key)));

    expect(results.filter((r) => r.success)).toHaveLength(10);
  });

  it("lets every call through when rate limits are off", async () => {
    const limiter = createRateLimiter({ name: "off", limit: 1, window: "1 h", redis, enabled: false });
    const results = await callTimes(limiter, randomUUID(), 20);
    expect(results.every((r) => r.success)).toBe(true);
    expect(await redis.keys("rl:off:*")).toEqual([]);
  });
});

describe("createRateLimiter without a working Redis", () => {
  it("limits in process when no Redis is configured", async () => {
    pinClockInsideWindow();
    const limiter = createRateLimiter({ name: "local", limit: 3, window: "1 h", redis: null, enabled: true });

    const results = await callTimes(limiter, "ip-1", 4);

    expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBe(3_540);
    expect((await limiter.limit("ip-2")).success).toBe(true);
  });

  it("falls back to counting in process, fast, when Redis is unreachable", async () => {
    pinClockInsideWindow();
    const unreachable = createTcpRedis(CLOSED_PORT_URL);
    try {
      const limiter = createRateLimiter({ name: "down", limit: 3, window: "1 h", redis: unreachable, enabled: true });
      const started = performance.now();

      const results = await callTimes(limiter, "ip-1", 4);

      expect(results.map((r) => r.success)).toEqual([true, true, true, false]);
      expect(performance.now() - started).toBeLessThan(1_500);
    } finally {
      await closeRedis(unreachable);
    }
  });
});

describe("createInProcessLimiter", () => {
  const windowMs = 10_000;

  it("weighs the previous window by how much of it the sliding window still covers", () => {
    const limiter = createInProcessLimiter(4, windowMs);
    const windowStart = 1_000 * windowMs;
    for (let i = 0; i < 4; i++) expect(limiter.limit("k", windowStart + 100).success).toBe(true);

    // A quarter into the next window, 3/4 of the previous 4 calls still count: one call left.
    expect(limiter.limit("k", windowStart + windowMs + 2_500)).toMatchObject({ success: true, remaining: 0 });
    expect(limiter.limit("k", windowStart + windowMs + 2_500).success).toBe(false);
    // Two windows later nothing of the old count remains.
    expect(limiter.limit("k", windowStart + 3 * windowMs).remaining).toBe(3);
  });

  it("keeps no more than its cap of keys", () => {
    const limiter = createInProcessLimiter(1, windowMs, 2);
    expect(limiter.limit("a", 0).success).toBe(true);
    expect(limiter.limit("b", 0).success).toBe(true);
    expect(limiter.limit("c", 0).success).toBe(true);
    // "a" was dropped to make room, so it starts afresh.
    expect(limiter.limit("a", 0).success).toBe(true);
    expect(limiter.limit("c", 0).success).toBe(false);
  });
});

describe("durationMs", () => {
  it("reads the same window strings as @upstash/ratelimit", () => {
    expect(durationMs("500 ms")).toBe(500);
    expect(durationMs("10 s")).toBe(10_000);
    expect(durationMs("1m")).toBe(60_000);
    expect(durationMs("1 h")).toBe(HOUR_MS);
    expect(durationMs("1 d")).toBe(86_400_000);
  });
});
