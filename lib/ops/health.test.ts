import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { resetDatabase } from "@/tests/harness/db";
import { GET as info } from "@/app/api/info/route";
import { createDb } from "@/lib/db/client";
import { checkHealth } from "./health";

const call = async (handler: typeof GET, path: string) => {
  const res = await handler(new Request(`http://localhost${path}`), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("GET /api/health", () => {
  // Other files in this worker leave facts and runs behind; "healthy" means an idle queue.
  beforeEach(resetDatabase);

  it("reports every dependency, the circuits and the mailbox note on a healthy stack", async () => {
    const { status, body } = await call(GET, "/api/health");

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      checks: { database: { status: "ok" }, redis: { status: "ok" }, jobs: { status: "ok", detail: { backlog: 0 } } },
      circuits: { redis: "closed" },
      reasons: [],
    });
    expect(body.notes).toContain("Mail goes to the built-in mailbox, not SMTP (SMTP_URL is not set).");
  });
});

describe("checkHealth without Postgres", () => {
  it("says down, with the reason, fast", async () => {
    const unreachable = createDb("postgres://postgres@127.0.0.1:1/none", { max: 1 });
    try {
      const started = Date.now();
      const health = await checkHealth(unreachable);
      expect(health.status).toBe("down");
      expect(health.checks.database.status).toBe("down");
      expect(health.reasons[0]).toMatch(/^Postgres is unreachable/);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await unreachable.$client.end({ timeout: 1 });
    }
  });
});

describe("GET /api/info", () => {
  it("names the build and the active features", async () => {
    const { status, body } = await call(info, "/api/info");

    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: "evently",
      features: { redis: "tcp", mail: "mailbox", jobs: "in-process", rateLimits: "on" },
    });
  });
});

describe("checkHealth without Redis configured", () => {
  beforeEach(resetDatabase);

  it("is ok, with Redis reported as not configured and the reduced function noted", async () => {
    const { checkHealth } = await import("./health");
    const { getDb } = await import("@/lib/db/client");
    const { env } = await import("@/lib/env");
    const { closeRedis } = await import("@/lib/redis/client");
    const saved = { url: env.REDIS_URL };
    await closeRedis();
    env.REDIS_URL = undefined;
    try {
      const health = await checkHealth(getDb());
      expect(health.checks.redis.status).toBe("not_configured");
      expect(health.status).toBe("ok");
      expect(health.notes.join(" ")).toMatch(/Redis is not configured/);
    } finally {
      env.REDIS_URL = saved.url;
      await closeRedis();
    }
  });
});

describe("checkHealth and the jobs workers' heartbeats", () => {
  beforeEach(resetDatabase);

  const waitingFact = async () => {
    const { getDb } = await import("@/lib/db/client");
    const { outbox } = await import("@/lib/jobs/schema");
    await getDb().insert(outbox).values({ id: randomUUID(), name: "booking.confirmed", data: {}, requestId: "test" });
  };

  it("says degraded, and that no worker has been seen for how long, while jobs wait and no worker beats", async () => {
    const { getDb } = await import("@/lib/db/client");
    const { jobWorkers } = await import("@/lib/jobs/schema");
    await waitingFact();
    await getDb().insert(jobWorkers).values({ id: "gone:1:x", host: "gone", pid: 1, lastSeenAt: new Date(Date.now() - 42_000) });

    const health = await checkHealth(getDb());

    expect(health.status).toBe("degraded");
    expect(health.checks.workers).toMatchObject({ status: "degraded", detail: { live: 0, waiting: 1 } });
    expect(health.reasons).toContainEqual(expect.stringMatching(/^No jobs worker has been seen for 4[2-4] s while 1 jobs wait/));
  });

  it("is ok with no worker while nothing waits, and with a live worker while work waits", async () => {
    const { getDb } = await import("@/lib/db/client");
    const { startHeartbeat } = await import("@/lib/jobs/heartbeat");
    const { logger } = await import("@/lib/log/logger");
    const idle = await checkHealth(getDb());
    expect(idle.checks.workers).toMatchObject({ status: "ok", detail: { live: 0, waiting: 0 } });
    expect(idle.notes).toContain("No jobs worker is running; nothing waits for one yet.");

    await waitingFact();
    const heartbeat = startHeartbeat(getDb(), "alive:2:y", logger);
    try {
      await expect.poll(async () => (await checkHealth(getDb())).checks.workers.detail).toMatchObject({ live: 1, waiting: 1 });
      const health = await checkHealth(getDb());
      expect(health.checks.workers.status).toBe("ok");
      expect(health.reasons.join(" ")).not.toMatch(/No jobs worker/);
    } finally {
      await heartbeat.stop();
    }
    expect((await checkHealth(getDb())).checks.workers).toMatchObject({ status: "degraded", detail: { live: 0 } });
  });
});
