import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild, startApp, type AppProcess } from "./support/app-server";

/**
 * Security headers are baked into the production build (next.config `headers()`), and CORS
 * preflights reach their handler through a rewrite: both are checked on a real `next start`,
 * where a route-handler unit test could not see them.
 */

const ALLOWED = "https://app.example.com";

let app: AppProcess;

beforeAll(async () => {
  ensureProductionBuild();
  app = await startApp({ env: { CORS_ORIGINS: `${ALLOWED},http://localhost:5173` } });
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe("the production server", () => {
  it.each(["/", "/events", "/sign-in", "/api/health", "/api/v1/events", "/api/v1/events/not-an-id", "/api/docs", "/no-such-page"])(
    "sends the security headers on %s",
    async (path) => {
      const res = await fetch(`${app.url}${path}`, { redirect: "manual" });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(res.headers.get("x-powered-by")).toBeNull();
    },
  );

  it("answers a CORS preflight for an allowlisted origin, and only for it", async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/api/v1/events/123/bookings`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, idempotency-key, content-type" },
      });

    const allowed = await preflight(ALLOWED);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/Idempotency-Key/);

    const refused = await preflight("https://evil.example");
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("echoes an allowlisted origin on API responses and exposes the request id", async () => {
    const res = await fetch(`${app.url}/api/v1/events`, { headers: { origin: ALLOWED } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(res.headers.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
    const other = await fetch(`${app.url}/api/v1/events`, { headers: { origin: "https://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a server action posted from a foreign origin before looking the action up", async () => {
    const post = (origin: string) =>
      fetch(`${app.url}/sign-in`, {
        method: "POST",
        redirect: "manual",
        headers: { origin, "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
        body: "[]",
      });

    // Same origin, unknown action: Next looks it up and says so.
    expect((await post(app.url)).status).toBe(409);
    // Foreign origin: proxy.ts refuses it (403) before Next's own check would answer 500.
    const foreign = await post("https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
