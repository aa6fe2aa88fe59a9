import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedis, createTcpRedis } from "./client";
import { redisCircuit, safeRedis } from "./safe-redis";

// Its own logical database (client.test.ts uses 9, rate-limit.test.ts 10).
const REDIS_URL = "redis://127.0.0.1:6379/11";
const CLOSED_PORT_URL = "redis://127.0.0.1:6399/11";

let redis: Redis;
let unreachable: Redis;

beforeAll(async () => {
  redis = createTcpRedis(REDIS_URL);
  unreachable = createTcpRedis(CLOSED_PORT_URL);
  await redis.flushdb();
});

afterAll(async () => {
  await closeRedis(redis);
  await closeRedis(unreachable);
});

describe("safeRedis", () => {
  it("answers from Redis when it is there", async () => {
    await redis.set("greeting", "hello");
    expect(await safeRedis((r) => r.get<string>("greeting"), () => "fallback", redis)).toBe("hello");
  });

  it("answers the fallback without Redis", async () => {
    expect(await safeRedis((r) => r.get<string>("greeting"), () => "fallback", null)).toBe("fallback");
  });

  it("answers the fallback when Redis fails, and stops calling it once the circuit opens", async () => {
    const started = Date.now();
    for (let i = 0; i < 5; i++) expect(await safeRedis((r) => r.get("k"), () => "fallback", unreachable)).toBe("fallback");
    expect(redisCircuit(unreachable).status()).toBe("open");

    const work = vi.fn((r: Redis) => r.get("k"));
    expect(await safeRedis(work, () => "fallback", unreachable)).toBe("fallback");
    expect(work).not.toHaveBeenCalled();
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("answers the fallback for a command error without opening the circuit", async () => {
    await redis.set("text", "abc");
    for (let i = 0; i < 6; i++) expect(await safeRedis((r) => r.incr("text"), () => -1, redis)).toBe(-1);
    expect(redisCircuit(redis).status()).toBe("closed");
  });
});
