import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { getDb } from "@/lib/db/client";
import { securityEvents } from "@/lib/domain/auth/schema";
import { createTestTokens, createTestUser, TEST_PASSWORD } from "@/lib/domain/auth/test-fixtures";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase } from "@/tests/harness/db";
import { GET as securityLog } from "./security-events/route";
import { GET as listUsers } from "./users/route";
import { PATCH as patchUser } from "./users/[id]/route";

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

function changeRole(accessToken: string, id: string, role: string) {
  return callRoute(patchUser, "PATCH", `/api/v1/admin/users/${id}`, { token: accessToken, params: { id }, body: { role }, ip: "10.9.9.9" });
}

describe("PATCH /api/v1/admin/users/:id", () => {
  it("lets an admin change a role; it applies to the user's existing token at once and is logged", async () => {
    const admin = await createTestTokens({ role: "admin" });
    const ann = await createTestTokens({ role: "attendee" });
    const res = await changeRole(admin.accessToken, ann.userId, "organizer");
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ id: ann.userId, role: "organizer" });
    expect((await (await callRoute(me, "GET", "/api/v1/me", { token: ann.accessToken })).json()).user.role).toBe("organizer");
    const [logged] = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "role_changed"));
    expect(logged).toMatchObject({ userId: ann.userId, actorId: admin.userId, ip: "10.9.9.9", details: { from: "attendee", to: "organizer" } });
  });

  it("answers 403 to an attendee and an organizer, 401 without a token", async () => {
    const target = await createTestUser();
    for (const role of ["attendee", "organizer"] as const) {
      const caller = await createTestTokens({ role });
      const res = await changeRole(caller.accessToken, target.id, "admin");
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: "FORBIDDEN" });
    }
    const anon = await callRoute(patchUser, "PATCH", `/api/v1/admin/users/${target.id}`, { params: { id: target.id }, body: { role: "admin" } });
    expect(anon.status).toBe(401);
  });

  it("refuses to demote the last admin (409 LAST_ADMIN) but allows it once there is another", async () => {
    const admin = await createTestTokens({ role: "admin" });
    const self = await changeRole(admin.accessToken, admin.userId, "attendee");
    expect(self.status).toBe(409);
    expect(await self.json()).toMatchObject({ code: "LAST_ADMIN" });

    const other = await createTestUser();
    expect((await changeRole(admin.accessToken, other.id, "admin")).status).toBe(200);
    expect((await changeRole(admin.accessToken, admin.userId, "organizer")).status).toBe(200);
    expect((await changeRole(admin.accessToken, other.id, "attendee")).status).toBe(403);
  });

  it("keeps one admin when two admins demote themselves at the same moment", async () => {
    const a = await createTestTokens({ role: "admin" });
    const b = await createTestTokens({ role: "admin" });
    const results = await Promise.all([changeRole(a.accessToken, a.userId, "attendee"), changeRole(b.accessToken, b.userId, "attendee")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it("answers 404 for an unknown or malformed id and 422 for an unknown role", async () => {
    const admin = await createTestTokens({ role: "admin" });
    expect((await changeRole(admin.accessToken, "00000000-0000-4000-8000-000000000000", "organizer")).status).toBe(404);
    expect((await changeRole(admin.accessToken, "not-a-uuid", "organizer")).status).toBe(404);
    expect((await changeRole(admin.accessToken, admin.userId, "superuser")).status).toBe(422);
  });
});

describe("GET /api/v1/admin/users and /security-events", () => {
  it("lists and searches users for admins, paginated by cursor", async () => {
    const admin = await createTestTokens({ role: "admin" });
    for (let i = 0; i < 5; i++) await createTestUser({ name: `Searchable ${i}` });
    const first = await callRoute(listUsers, "GET", "/api/v1/admin/users?q=searchable&limit=3", { token: admin.accessToken });
    const page1 = await first.json();
    expect(page1.data).toHaveLength(3);
    const second = await callRoute(listUsers, "GET", `/api/v1/admin/users?q=searchable&limit=3&cursor=${page1.nextCursor}`, {
      token: admin.accessToken,
    });
    const page2 = await second.json();
    expect(page2.data).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    const names = [...page1.data, ...page2.data].map((u: { name: string }) => u.name);
    expect(new Set(names).size).toBe(5);
    const attendee = await createTestTokens();
    expect((await callRoute(listUsers, "GET", "/api/v1/admin/users", { token: attendee.accessToken })).status).toBe(403);
  });

  it("shows admins the security log with request id and ip, and refuses others", async () => {
    const admin = await createTestTokens({ role: "admin" });
    const user = await createTestUser();
    await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: user.email, password: "wrong-password!" }, ip: "10.1.2.3", headers: { "x-request-id": "req-abc" } });
    await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: user.email, password: TEST_PASSWORD }, ip: randomIp() });
    const res = await callRoute(securityLog, "GET", "/api/v1/admin/security-events?type=sign_in_failed", { token: admin.accessToken });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    expect(data).toEqual([expect.objectContaining({ type: "sign_in_failed", userId: user.id, ip: "10.1.2.3", requestId: "req-abc" })]);
    const attendee = await createTestTokens();
    expect((await callRoute(securityLog, "GET", "/api/v1/admin/security-events", { token: attendee.accessToken })).status).toBe(403);
  });
});
