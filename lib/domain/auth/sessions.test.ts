import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { accessTokenSigningKey } from "./auth-keys";
import { authenticateAccessToken } from "./authenticate-access-token";
import { listSessions } from "./list-sessions";
import { resolveSession } from "./resolve-session";
import { revokeSession } from "./revoke-session";
import { users, userSessions } from "./schema";
import { startWebSession } from "./start-web-session";
import { createTestTokens, createTestUser, TEST_PASSWORD } from "./test-fixtures";

const db = () => getDb();
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe("sessions shared by web and API", () => {
  beforeEach(resetDatabase);

  it("a web sign-in opens a web session that the API lists next to API sessions", async () => {
    const api = await createTestTokens();
    const web = await startWebSession({
      ctx: testCtx({ type: "anonymous" }),
      input: { email: api.email, password: TEST_PASSWORD, client: { ip: "10.0.0.7", userAgent: "Firefox" } },
    });
    const actor = await authenticateAccessToken({ db: db(), token: api.accessToken, now: new Date() });
    const { data } = await listSessions({ ctx: testCtx(actor) });
    expect(data.map((s) => [s.kind, s.current]).sort()).toEqual([
      ["api", true],
      ["web", false],
    ]);
    expect(data.find((s) => s.id === web.sessionId)).toMatchObject({ ip: "10.0.0.7", userAgent: "Firefox" });
  });

  it("revoking a web session makes it resolve to nothing on the next request", async () => {
    const user = await createTestUser();
    const web = await startWebSession({ ctx: testCtx({ type: "anonymous" }), input: { email: user.email, password: TEST_PASSWORD } });
    expect(await resolveSession({ db: db(), sessionId: web.sessionId, now: new Date() })).not.toBeNull();
    await revokeSession({ ctx: testCtx(user.actor), input: { sessionId: web.sessionId } });
    expect(await resolveSession({ db: db(), sessionId: web.sessionId, now: new Date() })).toBeNull();
  });

  it("refuses another user's session with 404 and anonymous callers with 401", async () => {
    const ann = await createTestUser();
    const ben = await createTestUser();
    await expect(revokeSession({ ctx: testCtx(ann.actor), input: { sessionId: ben.actor.sessionId! } })).rejects.toMatchObject({ kind: "NotFound" });
    await expect(revokeSession({ ctx: testCtx({ type: "anonymous" }), input: { sessionId: ben.actor.sessionId! } })).rejects.toMatchObject({
      kind: "Unauthenticated",
    });
    expect(await resolveSession({ db: db(), sessionId: ben.actor.sessionId!, now: new Date() })).not.toBeNull();
  });

  it("ends a session after 30 idle minutes and after 12 hours however active", async () => {
    const { sessionId } = await createTestTokens();
    expect(await resolveSession({ db: db(), sessionId, now: minutes(29) })).not.toBeNull();
    expect(await resolveSession({ db: db(), sessionId, now: minutes(58) })).not.toBeNull();
    expect(await resolveSession({ db: db(), sessionId, now: minutes(89) })).toBeNull();
    await db().update(userSessions).set({ lastSeenAt: minutes(12 * 60) }).where(eq(userSessions.id, sessionId));
    expect(await resolveSession({ db: db(), sessionId, now: minutes(12 * 60 + 1) })).toBeNull();
  });

  it("writes last_seen_at at most once a minute", async () => {
    const { sessionId } = await createTestTokens();
    const seen = async () => (await db().select().from(userSessions).where(eq(userSessions.id, sessionId)))[0]!.lastSeenAt.getTime();
    const first = await seen();
    await resolveSession({ db: db(), sessionId, now: new Date(first + 30_000) });
    expect(await seen()).toBe(first);
    await resolveSession({ db: db(), sessionId, now: new Date(first + 61_000) });
    expect(await seen()).toBe(first + 61_000);
  });
});

describe("authenticateAccessToken", () => {
  beforeEach(resetDatabase);

  it("reads role and verification from the user row, so a role change applies to a live token", async () => {
    const t = await createTestTokens({ role: "attendee", verified: false });
    expect(await authenticateAccessToken({ db: db(), token: t.accessToken, now: new Date() })).toEqual({
      type: "user",
      userId: t.userId,
      role: "attendee",
      emailVerified: false,
      sessionId: t.sessionId,
    });
    await db().update(users).set({ role: "organizer", emailVerifiedAt: new Date() }).where(eq(users.id, t.userId));
    expect(await authenticateAccessToken({ db: db(), token: t.accessToken, now: new Date() })).toMatchObject({ role: "organizer", emailVerified: true });
  });

  it("refuses an expired token, a token for another audience or key, and a token whose sub and sid disagree", async () => {
    const t = await createTestTokens();
    await expect(authenticateAccessToken({ db: db(), token: t.accessToken, now: minutes(16) })).rejects.toMatchObject({ code: "INVALID_TOKEN" });

    const sign = async (claims: Record<string, unknown>, key: Uint8Array | CryptoKey, typ = "at+jwt") =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256", typ })
        .setIssuer("evently")
        .setAudience("evently-api")
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key);
    const key = await accessTokenSigningKey();
    const other = await createTestUser();
    const cases = [
      await sign({ sub: t.userId, sid: t.sessionId }, new TextEncoder().encode("x".repeat(32))),
      await sign({ sub: t.userId, sid: t.sessionId }, key, "JWT"),
      await sign({ sub: other.id, sid: t.sessionId }, key),
      await sign({ sub: t.userId }, key),
    ];
    for (const token of cases) {
      await expect(authenticateAccessToken({ db: db(), token, now: new Date() })).rejects.toMatchObject({ code: "INVALID_TOKEN" });
    }
    expect(await authenticateAccessToken({ db: db(), token: await sign({ sub: t.userId, sid: t.sessionId }, key), now: new Date() })).toMatchObject({
      userId: t.userId,
    });
  });
});
