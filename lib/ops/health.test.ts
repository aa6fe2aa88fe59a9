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
