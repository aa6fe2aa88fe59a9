import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, RateLimited } from "@/lib/domain/errors";
import { defineRoute } from "./contract";
import { json, withApi } from "./with-api";

const contract = defineRoute({
  method: "POST",
  path: "/api/v1/things/{id}",
  summary: "test route",
  tags: ["test"],
  auth: "none",
  params: z.object({ id: z.string() }),
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
  body: z.object({ quantity: z.number().int().min(1).max(10) }),
  responses: { 200: { description: "ok" } },
});

const route = withApi(contract, async ({ body, query, params, ctx }) => json({ body, query, params, requestId: ctx.requestId }));

function call(handler: typeof route, init: RequestInit & { url?: string } = {}) {
  return handler(new Request(init.url ?? "http://localhost/api/v1/things/abc?limit=5", { method: "POST", ...init }), {
    params: Promise.resolve({ id: "abc" }),
  });
}

describe("withApi", () => {
  it("passes parsed params, query and body to the handler and echoes a safe request id", async () => {
    const res = await call(route, { body: JSON.stringify({ quantity: 2 }), headers: { "x-request-id": "req-123" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toBe("req-123");
    expect(await res.json()).toEqual({ body: { quantity: 2 }, query: { limit: 5 }, params: { id: "abc" }, requestId: "req-123" });
  });

  it("mints a request id when the caller's is missing or unsafe", async () => {
    const res = await call(route, { body: JSON.stringify({ quantity: 1 }), headers: { "x-request-id": "bad id with spaces" } });
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers malformed JSON with 400 problem+json", async () => {
    const res = await call(route, { body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 400, code: "MALFORMED_JSON" });
  });

  it("answers invalid fields with 422 and one error per field path", async () => {
    const res = await call(route, { body: JSON.stringify({ quantity: 0 }), url: "http://localhost/api/v1/things/abc?limit=500" });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["limit"]);
  });

  it("refuses bodies over the size limit with 413", async () => {
    const res = await call(route, { body: JSON.stringify({ quantity: 1, pad: "x".repeat(70_000) }) });
    expect(res.status).toBe(413);
  });

  it("maps domain errors to their status and code", async () => {
    const conflict = withApi(contract, async () => {
      throw new Conflict("SOLD_OUT", "Not enough seats left.");
    });
    const res = await call(conflict, { body: JSON.stringify({ quantity: 1 }) });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "SOLD_OUT", detail: "Not enough seats left.", title: "Conflict" });
  });

  it("adds Retry-After and RateLimit headers to 429", async () => {
    const limited = withApi(contract, async () => {
      throw new RateLimited(30, 5, new Date(Date.now() + 30_000));
    });
    const res = await call(limited, { body: JSON.stringify({ quantity: 1 }) });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("ratelimit-limit")).toBe("5");
    expect(res.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("turns an unexpected error into a generic 500 that leaks nothing", async () => {
    const broken = withApi(contract, async () => {
      throw new Error("connection string postgres://secret@db");
    });
    const res = await call(broken, { body: JSON.stringify({ quantity: 1 }) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text).code).toBe("INTERNAL_ERROR");
  });

  it("requires a bearer token on authenticated routes", async () => {
    const authed = withApi({ ...contract, auth: "user" }, async () => json({}));
    const res = await call(authed, { body: JSON.stringify({ quantity: 1 }) });
    expect(res.status).toBe(401);
    const bad = await call(authed, { body: JSON.stringify({ quantity: 1 }), headers: { authorization: "Bearer nope" } });
    expect(bad.status).toBe(401);
  });
});
