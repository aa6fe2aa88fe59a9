import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { GET as listBookings } from "@/app/api/v1/bookings/route";
import { POST as publish } from "@/app/api/v1/events/[id]/publish/route";
import { GET as listEvents, POST as createEvent } from "@/app/api/v1/events/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as sessions } from "@/app/api/v1/me/sessions/route";
import { getDb } from "@/lib/db/client";
import { apiTokens, securityEvents } from "@/lib/domain/auth/schema";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase } from "@/tests/harness/db";
import { DELETE as revoke } from "./[id]/route";
import { GET as list, POST as create } from "./route";

vi.hoisted(() => {
  // A worker process that ran the fuzz suite before this file still has RATE_LIMITS=off in its env.
  process.env.RATE_LIMITS = "on";
});

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

type Created = { id: string; token: string; scopes: string[]; expiresAt: string | null };

async function mint(accessToken: string, body: Record<string, unknown>, ip = randomIp()): Promise<Created> {
  const res = await callRoute(create, "POST", "/api/v1/me/tokens", { token: accessToken, body, ip });
  expect(res.status).toBe(201);
  return (await res.json()) as Created;
}

describe("/api/v1/me/tokens", () => {
  it("shows the secret once, stores only its sha256, and lists the token without it", async () => {
    const { accessToken, userId } = await createTestTokens({ role: "organizer" });
    const created = await mint(accessToken, { name: "CRM sync", scopes: ["events:read", "events:read", "orders:read"] });
    expect(created.token).toMatch(/^evtly_pat_[A-Za-z0-9_-]{43}$/);
    expect(created.scopes).toEqual(["events:read", "orders:read"]);

    const [row] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(created.token.slice("evtly_pat_".length));

    const listed = await callRoute(list, "GET", "/api/v1/me/tokens", { token: accessToken });
    expect(listed.headers.get("cache-control")).toBe("no-store");
    const { data } = await listed.json();
    expect(data).toEqual([
      { id: created.id, name: "CRM sync", scopes: ["events:read", "orders:read"], createdAt: expect.any(String), expiresAt: null, lastUsedAt: null, lastUsedIp: null },
    ]);
    expect(JSON.stringify(data)).not.toContain(created.token);

    const logged = await getDb().select().from(securityEvents).where(eq(securityEvents.userId, userId));
    expect(logged.map((e) => e.type)).toContain("api_token_created");
    expect(JSON.stringify(logged)).not.toContain(created.token);
  });

  it("authenticates as its owner within its scopes and records the last use and address", async () => {
    const { accessToken, userId } = await createTestTokens({ role: "organizer" });
    const { token, id } = await mint(accessToken, { name: "events", scopes: ["events:read", "events:write"] });
    const made = await callRoute(createEvent, "POST", "/api/v1/events", { token, body: eventInput(), ip: "198.51.100.9" });
    expect(made.status).toBe(201);
    const event = await made.json();
    expect(event.organizerId).toBe(userId);
    expect((await callRoute(publish, "POST", `/api/v1/events/${event.id}/publish`, { token, params: { id: event.id } })).status).toBe(200);
    expect((await callRoute(listEvents, "GET", "/api/v1/events", { token })).status).toBe(200);

    const [row] = await getDb().select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.lastUsedAt).not.toBeNull();
    expect(row!.lastUsedIp).toBe("198.51.100.9");
  });

  it("answers 403 INSUFFICIENT_SCOPE outside the token's scopes and on account routes, before reading the body", async () => {
    const { accessToken } = await createTestTokens({ role: "organizer" });
    const { token } = await mint(accessToken, { name: "read only", scopes: ["events:read"] });
    const write = await callRoute(createEvent, "POST", "/api/v1/events", { token, body: { nonsense: true } });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    const bookings = await callRoute(listBookings, "GET", "/api/v1/bookings", { token });
    expect(bookings.status).toBe(403);
    for (const [handler, path] of [
      [me, "/api/v1/me"],
      [sessions, "/api/v1/me/sessions"],
    ] as const) {
      const res = await callRoute(handler, "GET", path, { token });
      expect(res.status, path).toBe(403);
      expect(await res.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    }
  });

  it("cannot mint another token with an API token, whatever its scopes", async () => {
    const { accessToken } = await createTestTokens({ role: "organizer" });
    const { token } = await mint(accessToken, { name: "all", scopes: ["events:read", "events:write", "orders:read", "orders:write", "checkin:write", "analytics:read"] });
    const res = await callRoute(create, "POST", "/api/v1/me/tokens", { token, body: { name: "escalate", scopes: ["events:write"] } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    expect(await getDb().select().from(apiTokens)).toHaveLength(1);
  });

  it("stops a revoked token on its very next request with 401, and 404s a second revoke", async () => {
    const { accessToken, userId } = await createTestTokens({ role: "organizer" });
    const { token, id } = await mint(accessToken, { name: "ci", scopes: ["events:read"] });
    expect((await callRoute(listEvents, "GET", "/api/v1/events", { token })).status).toBe(200);
    expect((await callRoute(revoke, "DELETE", `/api/v1/me/tokens/${id}`, { token: accessToken, params: { id } })).status).toBe(204);
    const after = await callRoute(listEvents, "GET", "/api/v1/events", { token });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await callRoute(revoke, "DELETE", `/api/v1/me/tokens/${id}`, { token: accessToken, params: { id } })).status).toBe(404);
    const logged = await getDb().select().from(securityEvents).where(eq(securityEvents.userId, userId));
    expect(logged.map((e) => e.type)).toContain("api_token_revoked");
  });

  it("404s revoking another user's token, which keeps working", async () => {
    const ann = await createTestTokens({ role: "organizer" });
    const ben = await createTestTokens({ role: "organizer" });
    const { token, id } = await mint(ann.accessToken, { name: "ann", scopes: ["events:read"] });
    expect((await callRoute(revoke, "DELETE", `/api/v1/me/tokens/${id}`, { token: ben.accessToken, params: { id } })).status).toBe(404);
    expect((await callRoute(listEvents, "GET", "/api/v1/events", { token })).status).toBe(200);
  });

  it("answers 401 to an expired token and to an unknown evtly_pat_ secret", async () => {
    const { accessToken } = await createTestTokens({ role: "organizer" });
    const { token, id } = await mint(accessToken, { name: "short", scopes: ["events:read"], expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect((await callRoute(listEvents, "GET", "/api/v1/events", { token })).status).toBe(200);
    await getDb().update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, id));
    expect((await callRoute(listEvents, "GET", "/api/v1/events", { token })).status).toBe(401);
    const unknown = await callRoute(listEvents, "GET", "/api/v1/events", { token: `evtly_pat_${"x".repeat(43)}` });
    expect(unknown.status).toBe(401);
  });

  it("refuses unknown scopes, no scopes and a past expiry with 422", async () => {
    const { accessToken } = await createTestTokens();
    for (const body of [
      { name: "x", scopes: ["events:delete"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["events:read"], expiresAt: "2020-01-01T00:00:00Z" },
    ]) {
      const res = await callRoute(create, "POST", "/api/v1/me/tokens", { token: accessToken, body, ip: randomIp() });
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await getDb().select().from(apiTokens)).toHaveLength(0);
  });

  it("rate-limits creation per account like sign-in: past 10 a minute the answer is 429 with Retry-After", async () => {
    const { accessToken } = await createTestTokens();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await callRoute(create, "POST", "/api/v1/me/tokens", { token: accessToken, body: { name: `t${i}`, scopes: ["events:read"] }, ip: randomIp() });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
  });
});
