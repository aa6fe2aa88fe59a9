import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureProductionBuild, startApp, type AppProcess } from "./support/app-server";

/**
 * Requests Next answers on its own, before any route handler runs, checked on a real `next
 * start`: malformed percent-escapes in the path, server actions from a foreign origin, methods
 * a route lacks and plain OPTIONS. Each gets a 4xx with a request id, never a bare 500.
 */

let app: AppProcess;

beforeAll(async () => {
  ensureProductionBuild();
  app = await startApp();
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe("the production server", () => {
  it.each(["/api/v1/events/%E0%A4%A", "/api/v1/events/%ZZ", "/api/v1/events/%E0%A4", "/api/v1/events/%"])(
    "answers the malformed API path %s with 400 problem+json and the request id",
    async (path) => {
      const res = await fetch(`${app.url}${path}`, { headers: { "x-request-id": "req-malformed" } });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-request-id")).toBe("req-malformed");
      expect(await res.json()).toMatchObject({ status: 400, code: "MALFORMED_PATH" });
    },
  );

  it.each(["/events/%ZZ", "/events/%E0%A4%A", "/bookings/%C0%AF"])("answers the malformed page path %s with a 400 page", async (path) => {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("still serves a path with well-formed non-ASCII escapes", async () => {
    // It reaches GET /api/v1/events/{id}, which knows no such event.
    const res = await fetch(`${app.url}/api/v1/events/caf%C3%A9`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses server actions from a foreign origin with 403, fetched or posted as a form", async () => {
    const fetched = await fetch(`${app.url}/sign-in`, {
      method: "POST",
      headers: { origin: "https://evil.example", "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      body: "[]",
    });
    expect(fetched.status).toBe(403);
    const form = new FormData();
    form.append("$ACTION_ID_" + "0".repeat(42), "");
    const posted = await fetch(`${app.url}/dashboard/events/new`, { method: "POST", headers: { origin: "null" }, body: form, redirect: "manual" });
    expect(posted.status).toBe(403);
  });

  it("answers a method a route lacks with 405 problem+json, Allow and the request id", async () => {
    const res = await fetch(`${app.url}/api/v1/events`, { method: "DELETE", headers: { "x-request-id": "req-405" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(res.headers.get("x-request-id")).toBe("req-405");
    expect(await res.json()).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  });

  it("answers a plain OPTIONS and a CORS preflight with the request id", async () => {
    const plain = await fetch(`${app.url}/api/v1/me`, { method: "OPTIONS", headers: { "x-request-id": "req-options" } });
    expect(plain.status).toBe(204);
    expect(plain.headers.get("allow")).toBe("DELETE, GET, HEAD, OPTIONS, PATCH");
    expect(plain.headers.get("x-request-id")).toBe("req-options");
    const preflight = await fetch(`${app.url}/api/v1/me`, { method: "OPTIONS", headers: { origin: "https://x.example", "access-control-request-method": "GET" } });
    expect(preflight.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
