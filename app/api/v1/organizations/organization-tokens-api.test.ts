import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { POST as publish } from "@/app/api/v1/events/[id]/publish/route";
import { PATCH as patchEvent } from "@/app/api/v1/events/[id]/route";
import { POST as createEvent } from "@/app/api/v1/events/route";
import { GET as myOrganizations } from "@/app/api/v1/me/organizations/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as myTokens } from "@/app/api/v1/me/tokens/route";
import { getDb } from "@/lib/db/client";
import { createTestTokens } from "@/lib/domain/auth/test-fixtures";
import type { UserActor } from "@/lib/domain/context";
import { eventInput } from "@/lib/domain/events/event-fixtures";
import { acceptInvitation, inviteMember, withMemberships } from "@/lib/domain/organizations";
import { organizationTokens } from "@/lib/domain/organizations/schema";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { DELETE as revoke } from "./[id]/tokens/[tokenId]/route";
import { GET as list, POST as create } from "./[id]/tokens/route";

vi.hoisted(() => {
  // A worker process that ran the fuzz suite before this file still has RATE_LIMITS=off in its env.
  process.env.RATE_LIMITS = "on";
});

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

type Signed = Awaited<ReturnType<typeof createTestTokens>>;
const actorOf = (u: Signed, role: UserActor["role"]): UserActor => ({ type: "user", userId: u.userId, role, emailVerified: true, sessionId: u.sessionId });

/** An organizer signed in through the API, and the organization they own. */
async function owner(): Promise<Signed & { organizationId: string; actor: UserActor }> {
  const signed = await createTestTokens({ role: "organizer" });
  const res = await callRoute(myOrganizations, "GET", "/api/v1/me/organizations", { token: signed.accessToken });
  expect(res.status).toBe(200);
  const { data } = await res.json();
  expect(data).toEqual([{ id: expect.any(String), name: expect.any(String), role: "owner" }]);
  return { ...signed, organizationId: data[0].id, actor: await withMemberships(testCtx(actorOf(signed, "organizer")), actorOf(signed, "organizer")) };
}

async function member(ownerActor: UserActor, organizationId: string, role: "owner" | "manager" | "finance" | "checkin"): Promise<Signed> {
  const signed = await createTestTokens();
  const invitation = await inviteMember({ ctx: testCtx(ownerActor), input: { organizationId, email: signed.email, role } });
  const actor = actorOf(signed, "attendee");
  await acceptInvitation({ ctx: testCtx(await withMemberships(testCtx(actor), actor)), input: { id: invitation.id } });
  return signed;
}

async function mint(accessToken: string, organizationId: string, scopes: string[] = ["events:read", "events:write"]) {
  const res = await callRoute(create, "POST", `/api/v1/organizations/${organizationId}/tokens`, {
    token: accessToken,
    params: { id: organizationId },
    body: { name: "Box office", scopes },
    ip: randomIp(),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string; organizationId: string };
}

const tokensPath = (organizationId: string) => `/api/v1/organizations/${organizationId}/tokens`;

describe("/api/v1/organizations/:id/tokens", () => {
  it("lets an owner create (shown once), list (without secrets) and revoke; the token then answers 401 at once", async () => {
    const olga = await owner();
    const created = await mint(olga.accessToken, olga.organizationId);
    expect(created.token).toMatch(/^evtly_org_/);
    const listed = await callRoute(list, "GET", tokensPath(olga.organizationId), { token: olga.accessToken, params: { id: olga.organizationId } });
    expect(listed.headers.get("cache-control")).toBe("no-store");
    const body = await listed.json();
    expect(body.data).toMatchObject([{ id: created.id, name: "Box office", createdBy: olga.userId, lastUsedAt: null }]);
    expect(JSON.stringify(body)).not.toContain(created.token);

    const made = await callRoute(createEvent, "POST", "/api/v1/events", { token: created.token, body: eventInput(), ip: "198.51.100.20" });
    expect(made.status).toBe(201);
    const event = await made.json();
    expect(event).toMatchObject({ organizationId: olga.organizationId, organizerId: created.id });
    expect((await callRoute(publish, "POST", `/api/v1/events/${event.id}/publish`, { token: created.token, params: { id: event.id } })).status).toBe(200);
    const [row] = await getDb().select().from(organizationTokens).where(eq(organizationTokens.id, created.id));
    expect(row!.lastUsedIp).toBe("198.51.100.20");

    const params = { id: olga.organizationId, tokenId: created.id };
    expect((await callRoute(revoke, "DELETE", `${tokensPath(olga.organizationId)}/${created.id}`, { token: olga.accessToken, params })).status).toBe(204);
    const after = await callRoute(createEvent, "POST", "/api/v1/events", { token: created.token, body: eventInput() });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await callRoute(revoke, "DELETE", `${tokensPath(olga.organizationId)}/${created.id}`, { token: olga.accessToken, params })).status).toBe(404);
  });

  it.each(["manager", "finance", "checkin"] as const)("answers 403 to a %s on every token route, and 404 to an outsider", async (role) => {
    const olga = await owner();
    const existing = await mint(olga.accessToken, olga.organizationId);
    const someone = await member(olga.actor, olga.organizationId, role);
    const outsider = await owner();
    const params = { id: olga.organizationId };
    for (const [who, status] of [
      [someone, 403],
      [outsider, 404],
    ] as const) {
      expect((await callRoute(create, "POST", tokensPath(olga.organizationId), { token: who.accessToken, params, body: { name: "x", scopes: ["events:read"] } })).status).toBe(status);
      expect((await callRoute(list, "GET", tokensPath(olga.organizationId), { token: who.accessToken, params })).status).toBe(status);
      const gone = await callRoute(revoke, "DELETE", `${tokensPath(olga.organizationId)}/${existing.id}`, { token: who.accessToken, params: { ...params, tokenId: existing.id } });
      expect(gone.status).toBe(status);
    }
    expect(await getDb().select().from(organizationTokens)).toHaveLength(1);
    expect((await callRoute(createEvent, "POST", "/api/v1/events", { token: existing.token, body: eventInput() })).status).toBe(201);
  });

  it("keeps an organization token within its scopes, off account routes and off token management", async () => {
    const olga = await owner();
    const { token } = await mint(olga.accessToken, olga.organizationId, ["events:read"]);
    const write = await callRoute(createEvent, "POST", "/api/v1/events", { token, body: eventInput() });
    expect(write.status).toBe(403);
    expect(await write.json()).toMatchObject({ code: "INSUFFICIENT_SCOPE" });
    for (const [handler, path] of [
      [me, "/api/v1/me"],
      [myTokens, "/api/v1/me/tokens"],
      [myOrganizations, "/api/v1/me/organizations"],
    ] as const) {
      const res = await callRoute(handler, "GET", path, { token });
      expect(res.status, path).toBe(403);
    }
    const escalate = await callRoute(create, "POST", tokensPath(olga.organizationId), { token, params: { id: olga.organizationId }, body: { name: "more", scopes: ["events:write"] } });
    expect(escalate.status).toBe(403);
    expect(await getDb().select().from(organizationTokens)).toHaveLength(1);
  });

  it("answers 404 when an organization token reaches for another organization's event", async () => {
    const olga = await owner();
    const ben = await owner();
    const theirs = await (await callRoute(createEvent, "POST", "/api/v1/events", { token: ben.accessToken, body: eventInput() })).json();
    const { token } = await mint(olga.accessToken, olga.organizationId);
    const res = await callRoute(patchEvent, "PATCH", `/api/v1/events/${theirs.id}`, { token, params: { id: theirs.id }, body: { version: theirs.version, title: "Taken" } });
    expect(res.status).toBe(404);
  });

  it("refuses an unknown scope with 422 and answers 429 once the owner's minting limit is spent", async () => {
    const olga = await owner();
    const params = { id: olga.organizationId };
    const bad = await callRoute(create, "POST", tokensPath(olga.organizationId), { token: olga.accessToken, params, body: { name: "x", scopes: ["events:delete"] } });
    expect(bad.status).toBe(422);
    let last: Response | undefined;
    for (let i = 0; i < 40 && last?.status !== 429; i++) {
      last = await callRoute(create, "POST", tokensPath(olga.organizationId), { token: olga.accessToken, params, body: { name: `t${i}`, scopes: ["events:read"] }, ip: "192.0.2.44" });
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).not.toBeNull();
  });
});
