import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { callRoute, randomIp } from "@/app/api/v1/auth/_test/call-route";
import { getDb } from "@/lib/db/client";
import { securityEvents, userSessions } from "@/lib/domain/auth/schema";
import { createTestTokens, createTestUser, deliverAuthEmails, TEST_PASSWORD, uniqueEmail } from "@/lib/domain/auth/test-fixtures";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { POST as confirmEmail } from "./email/confirm/route";
import { POST as changeEmail } from "./email/route";
import { GET as me, PATCH as patchMe } from "./route";

const NEW_PASSWORD = "marmalade harbour kite";

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
});

async function signIn(email: string, password = TEST_PASSWORD) {
  return callRoute(token, "POST", "/api/v1/auth/token", { body: { email, password }, ip: randomIp() });
}

async function mailedCode(to: string): Promise<string | undefined> {
  await deliverAuthEmails();
  const [message] = await listMailbox(testCtx().db, { to, limit: 5 });
  return message?.subject.match(/^(\d{6}) /)?.[1];
}

describe("PATCH /api/v1/me", () => {
  it("renames the caller (200 user, no-store)", async () => {
    const user = await createTestTokens();
    const res = await callRoute(patchMe, "PATCH", "/api/v1/me", { token: user.accessToken, body: { name: "  Ana Lúcia " } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).user).toMatchObject({ id: user.userId, name: "Ana Lúcia" });
  });

  it("changes the password with the current one, keeps this session and ends the others", async () => {
    const user = await createTestTokens();
    const other = await (await signIn(user.email)).json();
    const res = await callRoute(patchMe, "PATCH", "/api/v1/me", {
      token: user.accessToken,
      body: { password: NEW_PASSWORD, currentPassword: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: user.accessToken })).status).toBe(200);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: other.accessToken })).status).toBe(401);
    const live = await getDb().select().from(userSessions).where(and(eq(userSessions.userId, user.userId), isNull(userSessions.revokedAt)));
    expect(live.map((s) => s.id)).toEqual([user.sessionId]);
    expect((await signIn(user.email, NEW_PASSWORD)).status).toBe(200);
    const [event] = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "password_changed"));
    expect(event).toMatchObject({ userId: user.userId, details: { sessionsRevoked: 1 } });
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong current password and 422 without one, leaving the password alone", async () => {
    const user = await createTestTokens();
    const wrong = await callRoute(patchMe, "PATCH", "/api/v1/me", { token: user.accessToken, body: { password: NEW_PASSWORD, currentPassword: "not my password" } });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_CREDENTIALS" });
    const missing = await callRoute(patchMe, "PATCH", "/api/v1/me", { token: user.accessToken, body: { password: NEW_PASSWORD } });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors).toEqual([expect.objectContaining({ path: "currentPassword" })]);
    expect((await signIn(user.email)).status).toBe(200);
  });
});

describe("POST /api/v1/me/email and /confirm", () => {
  it("changes the address only once the code sent to the new one comes back, verified", async () => {
    const user = await createTestTokens();
    const newEmail = uniqueEmail("moved");
    const res = await callRoute(changeEmail, "POST", "/api/v1/me/email", { token: user.accessToken, body: { email: newEmail, password: TEST_PASSWORD } });
    expect(res.status).toBe(202);
    expect((await (await callRoute(me, "GET", "/api/v1/me", { token: user.accessToken })).json()).user.email).toBe(user.email);
    const code = (await mailedCode(newEmail))!;
    const wrong = await callRoute(confirmEmail, "POST", "/api/v1/me/email/confirm", { token: user.accessToken, body: { code: code === "000000" ? "111111" : "000000" } });
    expect(await wrong.json()).toMatchObject({ code: "INVALID_CODE" });
    const ok = await callRoute(confirmEmail, "POST", "/api/v1/me/email/confirm", { token: user.accessToken, body: { code } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).user).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await signIn(newEmail)).status).toBe(200);
    expect((await signIn(user.email)).status).toBe(401);
  });

  it("answers 202 for an address that has an account but sends it no code, and 401 for a wrong password", async () => {
    const user = await createTestTokens();
    const taken = await createTestUser();
    const res = await callRoute(changeEmail, "POST", "/api/v1/me/email", { token: user.accessToken, body: { email: taken.email, password: TEST_PASSWORD } });
    expect(res.status).toBe(202);
    expect(await mailedCode(taken.email)).toBeUndefined();
    const wrong = await callRoute(changeEmail, "POST", "/api/v1/me/email", { token: user.accessToken, body: { email: uniqueEmail(), password: "not my password" } });
    expect(wrong.status).toBe(401);
  });

  it("answers 409 EMAIL_TAKEN when another account took the address before the code came back", async () => {
    const user = await createTestTokens();
    const newEmail = uniqueEmail("moved");
    await callRoute(changeEmail, "POST", "/api/v1/me/email", { token: user.accessToken, body: { email: newEmail, password: TEST_PASSWORD } });
    const code = (await mailedCode(newEmail))!;
    await createTestUser({ email: newEmail });
    const res = await callRoute(confirmEmail, "POST", "/api/v1/me/email/confirm", { token: user.accessToken, body: { code } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "EMAIL_TAKEN" });
  });
});
