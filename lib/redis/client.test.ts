import { createHash } from "node:crypto";
import net from "node:net";
import type { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, createTcpRedis, pingRedis } from "./client";

// A logical database of its own, so FLUSHDB touches nothing but this file's keys.
const REDIS_URL = "redis://127.0.0.1:6379/9";
const CLOSED_PORT_URL = "redis://127.0.0.1:6399/9";

let redis: Redis;

beforeAll(async () => {
  redis = createTcpRedis(REDIS_URL);
  await redis.flushdb();
});

afterAll(async () => {
  await closeRedis(redis);
});

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("Redis over TCP through @upstash/redis", () => {
  it("round-trips JSON values, strings and numbers, and answers null for a missing key", async () => {
    await redis.set("json", { name: "Evently", seats: [1, 2], open: true });
    await redis.set("text", "hello world");
    await redis.set("number", 42);

    expect(await redis.get("json")).toEqual({ name: "Evently", seats: [1, 2], open: true });
    expect(await redis.get("text")).toBe("hello world");
    expect(await redis.get("number")).toBe(42);
    expect(await redis.get("missing")).toBeNull();
  });

  it("reads a hash back as an object and an empty hash as null", async () => {
    await redis.hset("event:1", { title: "Launch", capacity: 120 });

    expect(await redis.hgetall("event:1")).toEqual({ title: "Launch", capacity: 120 });
    expect(await redis.hget("event:1", "title")).toBe("Launch");
    expect(await redis.hgetall("event:none")).toBeNull();
  });

  it("increments, expires and deletes keys", async () => {
    expect(await redis.incr("counter")).toBe(1);
    expect(await redis.incrby("counter", 4)).toBe(5);
    expect(await redis.expire("counter", 60)).toBe(1);
    const ttl = await redis.ttl("counter");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    expect(await redis.del("counter", "never-set")).toBe(1);
    expect(await redis.exists("counter")).toBe(0);
  });

  it("sets with options (NX, EX) as on Upstash", async () => {
    expect(await redis.set("lock", "a", { nx: true, ex: 30 })).toBe("OK");
    expect(await redis.set("lock", "b", { nx: true, ex: 30 })).toBeNull();
    expect(await redis.get("lock")).toBe("a");
  });

  it("surfaces a command's Redis error as a rejected call", async () => {
    await redis.set("not-a-number", "abc");
    await expect(redis.incr("not-a-number")).rejects.toThrow(/not an integer/);
  });

  it("runs an explicit pipeline and reports each command's error in place", async () => {
    const pipeline = redis.pipeline();
    pipeline.set("p:a", 1).incr("p:a").get("p:a").incr("not-a-number");
    const results = await pipeline.exec({ keepErrors: true });

    expect(results.map((r) => r.result)).toEqual(["OK", 2, 2, undefined]);
    expect(results[3]?.error).toMatch(/not an integer/);
  });

  it("runs multi() atomically, returns each result, and keeps runtime errors per command", async () => {
    const tx = redis.multi();
    tx.set("m:a", 10).incrby("m:a", 5).hset("m:h", { a: 1 }).hgetall("m:h");
    expect(await tx.exec()).toEqual(["OK", 15, 1, { a: 1 }]);

    const failing = redis.multi();
    failing.set("m:b", "x").incr("m:b").set("m:c", "after");
    const results = await failing.exec({ keepErrors: true });
    expect(results[1]?.error).toMatch(/not an integer/);
    expect(await redis.get("m:c")).toBe("after");
  });

  it("batches concurrent commands into few pipeline requests and answers each one", async () => {
    const before = (redis as unknown as { pipelineCounter: number }).pipelineCounter;
    const increments = await Promise.all(Array.from({ length: 100 }, () => redis.incr("auto")));
    const pipelines = (redis as unknown as { pipelineCounter: number }).pipelineCounter - before;

    expect([...increments].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(pipelines).toBeLessThan(5);
    const [value, missing] = await Promise.all([redis.get("auto"), redis.get("auto:none")]);
    expect(value).toBe(100);
    expect(missing).toBeNull();
  });

  it("runs eval and evalsha of a loaded script", async () => {
    const script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    expect(await redis.eval(script, ["lua:counter"], [5])).toBe(5);

    const sha = await redis.scriptLoad(script);
    expect(sha).toBe(sha1(script));
    expect(await redis.evalsha(sha, ["lua:counter"], [2])).toBe(7);
    await expect(redis.evalsha(sha1("return 'never loaded'"), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("runs Upstash-flagged Lua scripts and maps EVALSHA of their original hash, even after a script flush", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn {ARGV[1], redis.call('INCR', KEYS[1])}";
    expect(await redis.eval(script, ["flagged"], ["first"])).toEqual(["first", 1]);
    expect(await redis.evalsha(sha1(script), ["flagged"], ["second"])).toEqual(["second", 2]);

    await redis.scriptFlush();
    expect(await redis.evalsha(sha1(script), ["flagged"], ["third"])).toEqual(["third", 3]);
  });

  it("reports a healthy Redis, and 'not_configured' without one", async () => {
    const health = await pingRedis({ redis });
    expect(health.status).toBe("ok");
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect(await pingRedis({ redis: null })).toEqual({ status: "not_configured", latencyMs: 0 });
  });
});

describe("when Redis is unreachable", () => {
  it("fails calls fast and reports the health check as down", async () => {
    const unreachable = createTcpRedis(CLOSED_PORT_URL);
    try {
      const started = Date.now();
      await expect(unreachable.get("anything")).rejects.toThrow(/unreachable|ECONNREFUSED/);
      await expect(unreachable.set("anything", 1)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(1_500);

      const health = await pingRedis({ redis: unreachable });
      expect(health.status).toBe("down");
      expect(health.detail).toMatch(/ECONNREFUSED|unreachable/);
      expect(health.latencyMs).toBeLessThan(600);
    } finally {
      await closeRedis(unreachable);
    }
  });

  it("fails a request that Redis stops answering after the reply timeout", async () => {
    const proxy = await startProxy();
    const stalled = createTcpRedis(`redis://127.0.0.1:${proxy.port}/9`, { replyTimeoutMs: 300 });
    try {
      expect(await stalled.set("stall", 1)).toBe("OK");
      proxy.stall();
      const started = Date.now();
      await expect(stalled.get("stall")).rejects.toThrow(/did not answer within 300 ms/);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect((await pingRedis({ redis: stalled, timeoutMs: 200 })).status).toBe("down");
    } finally {
      await closeRedis(stalled);
      await proxy.stop();
    }
  });

  it("recovers by itself when Redis comes back", async () => {
    const proxy = await startProxy();
    const flaky = createTcpRedis(`redis://127.0.0.1:${proxy.port}/9`, { maxReconnectDelayMs: 200 });
    try {
      expect(await flaky.set("flaky", "before")).toBe("OK");
      await proxy.stop();
      await expect(flaky.get("flaky")).rejects.toThrow();
      await proxy.restart();
      await expect.poll(async () => (await pingRedis({ redis: flaky })).status, { timeout: 5_000 }).toBe("ok");
      expect(await flaky.get("flaky")).toBe("before");
    } finally {
      await closeRedis(flaky);
      await proxy.stop();
    }
  });
});

/** A TCP proxy in front of the real Redis, to cut, stall and restore the connection. */
async function startProxy() {
  const sockets = new Set<net.Socket>();
  let stalled = false;
  let server: net.Server | undefined;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(6379, "127.0.0.1");
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("error", () => socket.destroy());
          socket.on("close", () => sockets.delete(socket));
        }
        client.on("data", (chunk) => stalled || upstream.write(chunk));
        upstream.on("data", (chunk) => stalled || client.write(chunk));
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return port;
    },
    stall() {
      stalled = true;
    },
    restart: listen,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
