import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as createEvent } from "@/app/api/v1/events/route";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { Conflict, Forbidden, RateLimited } from "@/lib/domain/errors";
import { resetDatabase } from "@/tests/harness/db";
import { defineRoute } from "./contract";
import { json, withApi } from "./with-api";

const contract = defineRoute({
  method: "POST",
  path: "/api/v1/things/{id}",
  operationId: "testThing",
  tokenScope: null,
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

  it("runs the permission of a route whose handler authorizes only when the input is refused, so its 403 comes before the 422", async () => {
    const checks: string[] = [];
    const guarded = withApi(contract, async () => json({ handled: true }), {
      authorize: async ({ params }) => {
        checks.push(params.id);
        throw new Forbidden();
      },
      handlerAuthorizes: true,
    });
    expect((await call(guarded, { body: JSON.stringify({ quantity: 2 }) })).status).toBe(200);
    expect(checks).toEqual([]);
    const refused = await call(guarded, { body: JSON.stringify({ quantity: 0 }) });
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors).toBeUndefined();
    expect(checks).toEqual(["abc"]);
  });

  it("rejects a nested body with 400 and the request id before reading it further", async () => {
    const res = await call(route, { body: `{"quantity":${"[".repeat(3400)}1${"]".repeat(3400)}}`, headers: { "x-request-id": "req-deep" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-request-id")).toBe("req-deep");
    expect(await res.json()).toMatchObject({ code: "JSON_TOO_COMPLEX" });
  });
});

describe("withApi, in API.md's order of checks", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  const invalidEvent = JSON.stringify({ title: "x", capacity: -1, startsAt: "not a date" });
  const post = (token: string | undefined, body: string) =>
    createEvent(
      new Request("http://localhost/api/v1/events", { method: "POST", body, headers: token ? { authorization: `Bearer ${token}` } : {} }),
      { params: Promise.resolve({}) },
    );

  it("answers an attendee posting an invalid event 403, saying nothing about the body", async () => {
    const attendee = await createTestTokens({ role: "attendee" });
    const res = await post(attendee.accessToken, invalidEvent);
    expect(res.status).toBe(403);
    expect((await res.json()).errors).toBeUndefined();
    const deep = await post(attendee.accessToken, `{"title":${"[".repeat(3400)}"x"${"]".repeat(3400)}}`);
    expect(deep.status).toBe(403);
  });

  it("answers 401 before 403, and an organizer's invalid event 422", async () => {
    expect((await post(undefined, invalidEvent)).status).toBe(401);
    const organizer = await createTestTokens({ role: "organizer" });
    const res = await post(organizer.accessToken, invalidEvent);
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["capacity", "startsAt"]));
  });

  it("marks answers to signed-in callers Cache-Control: no-store, errors included, and leaves anonymous public answers alone", async () => {
    const caller = await createTestTokens({ role: "attendee" });
    const signedIn = await post(caller.accessToken, invalidEvent);
    expect(signedIn.headers.get("cache-control")).toBe("no-store");
    const optional = withApi({ ...contract, auth: "optional" }, async () => json({}));
    expect((await call(optional, { body: JSON.stringify({ quantity: 1 }) })).headers.get("cache-control")).toBeNull();
    const signedInOptional = await call(optional, { body: JSON.stringify({ quantity: 1 }), headers: { authorization: `Bearer ${caller.accessToken}` } });
    expect(signedInOptional.headers.get("cache-control")).toBe("no-store");
    const ownHeader = withApi({ ...contract, auth: "user" }, async () => json({}, 200, { "cache-control": "private, max-age=5" }));
    const own = await call(ownHeader, { body: JSON.stringify({ quantity: 1 }), headers: { authorization: `Bearer ${caller.accessToken}` } });
    expect(own.headers.get("cache-control")).toBe("private, max-age=5");
  });
});
