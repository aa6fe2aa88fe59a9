import { beforeEach, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { POST as refresh } from "@/app/api/v1/auth/refresh/route";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { createTestUser, TEST_PASSWORD } from "@/lib/domain/auth/test-fixtures";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase } from "@/tests/harness/db";
import { GET as me } from "./route";
import { GET as sessions } from "./sessions/route";
import { DELETE as deleteSession } from "./sessions/[id]/route";

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

async function signIn(email: string, userAgent: string) {
  const res = await callRoute(token, "POST", "/api/v1/auth/token", {
    body: { email, password: TEST_PASSWORD },
    ip: randomIp(),
    headers: { "user-agent": userAgent },
  });
  return (await res.json()) as { accessToken: string; refreshToken: string };
}

describe("GET /api/v1/me", () => {
  it("returns the user for a valid token and 401 without one or with a forged one", async () => {
    const user = await createTestUser({ role: "organizer", name: "Olga" });
    const pair = await signIn(user.email, "cli");
    const res = await callRoute(me, "GET", "/api/v1/me", { token: pair.accessToken });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      user: { id: user.id, email: user.email, name: "Olga", role: "organizer", emailVerified: true, createdAt: expect.any(String) },
    });
    expect((await callRoute(me, "GET", "/api/v1/me")).status).toBe(401);
    const [h, p] = pair.accessToken.split(".");
    const forged = `${h}.${p}.${"A".repeat(43)}`;
    const bad = await callRoute(me, "GET", "/api/v1/me", { token: forged });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await callRoute(me, "GET", "/api/v1/me", { token: "garbage" })).status).toBe(401);
  });
});

describe("/api/v1/me/sessions", () => {
  it("lists every live session with the current one marked", async () => {
    const user = await createTestUser();
    const laptop = await signIn(user.email, "laptop");
    const phone = await signIn(user.email, "phone");
    const res = await callRoute(sessions, "GET", "/api/v1/me/sessions", { token: phone.accessToken });
    expect(res.status).toBe(200);
    const { data } = await res.json();
    const byAgent = Object.fromEntries(data.map((s: { userAgent: string }) => [s.userAgent, s]));
    expect(byAgent.phone).toMatchObject({ current: true, kind: "api", ip: expect.stringMatching(/^10\./) });
    expect(byAgent.laptop).toMatchObject({ current: false });
    expect(Object.keys(byAgent.phone).sort()).toEqual(["createdAt", "current", "id", "ip", "kind", "lastSeenAt", "userAgent"]);
    expect(laptop.accessToken).not.toBe(phone.accessToken);
  });

  it("DELETE kills that session's access and refresh tokens at once, leaves others alone, and 404s the second time", async () => {
    const user = await createTestUser();
    const victim = await signIn(user.email, "stolen laptop");
    const owner = await signIn(user.email, "phone");
    const list = (await (await callRoute(sessions, "GET", "/api/v1/me/sessions", { token: owner.accessToken })).json()).data;
    const target = list.find((s: { userAgent: string }) => s.userAgent === "stolen laptop");

    const del = await callRoute(deleteSession, "DELETE", `/api/v1/me/sessions/${target.id}`, { token: owner.accessToken, params: { id: target.id } });
    expect(del.status).toBe(204);

    expect((await callRoute(me, "GET", "/api/v1/me", { token: victim.accessToken })).status).toBe(401);
    expect((await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: victim.refreshToken } })).status).toBe(401);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: owner.accessToken })).status).toBe(200);
    const again = await callRoute(deleteSession, "DELETE", `/api/v1/me/sessions/${target.id}`, { token: owner.accessToken, params: { id: target.id } });
    expect(again.status).toBe(404);
  });

  it("404s for another user's session and for an id that is not a uuid", async () => {
    const ann = await createTestUser();
    const ben = await createTestUser();
    const annPair = await signIn(ann.email, "a");
    const benSessionId = ben.actor.sessionId!;
    const other = await callRoute(deleteSession, "DELETE", `/api/v1/me/sessions/${benSessionId}`, { token: annPair.accessToken, params: { id: benSessionId } });
    expect(other.status).toBe(404);
    const junk = await callRoute(deleteSession, "DELETE", "/api/v1/me/sessions/xyz", { token: annPair.accessToken, params: { id: "xyz" } });
    expect(junk.status).toBe(404);
  });

  it("revoking the current session signs this client out", async () => {
    const user = await createTestUser();
    const pair = await signIn(user.email, "cli");
    const { data } = await (await callRoute(sessions, "GET", "/api/v1/me/sessions", { token: pair.accessToken })).json();
    const current = data.find((s: { current: boolean }) => s.current);
    await callRoute(deleteSession, "DELETE", `/api/v1/me/sessions/${current.id}`, { token: pair.accessToken, params: { id: current.id } });
    expect((await callRoute(sessions, "GET", "/api/v1/me/sessions", { token: pair.accessToken })).status).toBe(401);
  });
});
