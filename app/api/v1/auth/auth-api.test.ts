import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { securityEvents, users } from "@/lib/domain/auth/schema";
import { readVerificationCode, TEST_PASSWORD, createTestUser, uniqueEmail } from "@/lib/domain/auth/test-fixtures";
import { ACCOUNT_LOCKOUT_WINDOW } from "@/lib/domain/auth/rate-limits";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { durationMs } from "@/lib/redis/rate-limit";
import { resetDatabase } from "@/tests/harness/db";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as logout } from "./logout/route";
import { POST as refresh } from "./refresh/route";
import { POST as register } from "./register/route";
import { POST as resend } from "./resend/route";
import { POST as token } from "./token/route";
import { POST as verify } from "./verify/route";
import { callRoute, randomIp } from "./_test/call-route";

const PASSWORD = "tangerine orbit lantern";
let ip: string;

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
  ip = randomIp();
});

async function signIn(email: string, password = TEST_PASSWORD) {
  const res = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email, password }, ip });
  return { res, body: await res.json() };
}

describe("POST /api/v1/auth/register", () => {
  it("answers 202 verification_sent for a new and for an existing email alike, with no cache", async () => {
    const email = uniqueEmail();
    const first = await callRoute(register, "POST", "/api/v1/auth/register", { body: { email, password: PASSWORD, name: "Ann" }, ip });
    const again = await callRoute(register, "POST", "/api/v1/auth/register", {
      body: { email: email.toUpperCase(), password: PASSWORD, name: "Other" },
      ip,
    });
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(await first.json()).toEqual({ status: "verification_sent" });
    expect(await again.json()).toEqual({ status: "verification_sent" });
    expect(await getDb().select().from(users)).toHaveLength(1);
  });

  it("answers 422 with field errors for a weak password, an invalid email and the admin role", async () => {
    const res = await callRoute(register, "POST", "/api/v1/auth/register", {
      body: { email: "not-an-email", password: "password123", name: "Ann", role: "admin" },
      ip,
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "role"]);
    const weak = await callRoute(register, "POST", "/api/v1/auth/register", { body: { email: uniqueEmail(), password: "password123", name: "Ann" }, ip });
    expect(weak.status).toBe(422);
    expect((await weak.json()).errors).toEqual([expect.objectContaining({ path: "password" })]);
  });

  it("registers an organizer when asked", async () => {
    const email = uniqueEmail();
    await callRoute(register, "POST", "/api/v1/auth/register", { body: { email, password: PASSWORD, name: "Olga", role: "organizer" }, ip });
    const [row] = await getDb().select().from(users).where(eq(users.email, email));
    expect(row?.role).toBe("organizer");
  });
});

describe("POST /api/v1/auth/verify and /resend", () => {
  it("verifies with the mailed code (200 user with emailVerified) and refuses a wrong one with 400 INVALID_CODE", async () => {
    const email = uniqueEmail();
    await callRoute(register, "POST", "/api/v1/auth/register", { body: { email, password: PASSWORD, name: "Ann" }, ip });
    const code = (await readVerificationCode(email))!;
    const wrong = await callRoute(verify, "POST", "/api/v1/auth/verify", { body: { email, code: code === "000000" ? "111111" : "000000" }, ip });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_CODE" });

    const ok = await callRoute(verify, "POST", "/api/v1/auth/verify", { body: { email: email.toUpperCase(), code }, ip });
    expect(ok.status).toBe(200);
    expect((await ok.json()).user).toEqual({
      id: expect.any(String),
      email,
      name: "Ann",
      role: "attendee",
      emailVerified: true,
      createdAt: expect.stringMatching(/Z$/),
    });
  });

  it("answers resend with 202 whether or not the account exists", async () => {
    const email = uniqueEmail();
    await callRoute(register, "POST", "/api/v1/auth/register", { body: { email, password: PASSWORD, name: "Ann" }, ip });
    for (const target of [email, uniqueEmail()]) {
      const res = await callRoute(resend, "POST", "/api/v1/auth/resend", { body: { email: target }, ip });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ status: "verification_sent" });
    }
  });
});

describe("POST /api/v1/auth/token", () => {
  it("issues a Bearer pair whose access token lives at most 15 minutes and opens an API session", async () => {
    const user = await createTestUser();
    const { res, body } = await signIn(user.email.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), tokenType: "Bearer", expiresIn: 900 });
    const claims = JSON.parse(Buffer.from(body.accessToken.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ sub: user.id, role: "attendee", sid: expect.any(String) });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    const meRes = await callRoute(me, "GET", "/api/v1/me", { token: body.accessToken });
    expect((await meRes.json()).user).toMatchObject({ id: user.id, email: user.email });
  });

  it("answers 401 INVALID_CREDENTIALS alike for an unknown email and a wrong password, and logs both", async () => {
    const user = await createTestUser();
    const unknown = await signIn(uniqueEmail(), TEST_PASSWORD);
    const wrong = await signIn(user.email, "not the password at all");
    expect([unknown.res.status, wrong.res.status]).toEqual([401, 401]);
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(unknown.body)).toEqual(strip(wrong.body));
    expect(unknown.body.code).toBe("INVALID_CREDENTIALS");
    const logged = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "sign_in_failed"));
    expect(logged).toHaveLength(2);
    expect(logged.every((e) => e.ip === ip && e.requestId.length > 0)).toBe(true);
  });

  it("takes about the same time for an unknown email as for a wrong password (argon2 runs either way)", async () => {
    const user = await createTestUser();
    await signIn(user.email, "warm up the dummy hash");
    const time = async (email: string) => {
      const started = performance.now();
      await signIn(email, "some wrong password");
      return performance.now() - started;
    };
    const known = Math.min(await time(user.email), await time(user.email));
    const unknown = Math.min(await time(uniqueEmail()), await time(uniqueEmail()));
    expect(unknown).toBeGreaterThan(known * 0.5);
  });

  it("lets an unverified user sign in", async () => {
    const user = await createTestUser({ verified: false });
    const { res, body } = await signIn(user.email);
    expect(res.status).toBe(200);
    const meRes = await callRoute(me, "GET", "/api/v1/me", { token: body.accessToken });
    expect((await meRes.json()).user.emailVerified).toBe(false);
  });
});

describe("POST /api/v1/auth/refresh", () => {
  it("rotates: a new pair each time, and the presented token is spent", async () => {
    const user = await createTestUser();
    const { body: first } = await signIn(user.email);
    const rotated = await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: first.refreshToken }, ip });
    expect(rotated.status).toBe(200);
    const second = await rotated.json();
    expect(second).toMatchObject({ tokenType: "Bearer", expiresIn: 900 });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: second.refreshToken }, ip });
    expect(third.status).toBe(200);
  });

  it("answers 401 INVALID_REFRESH_TOKEN for a token it never issued", async () => {
    const res = await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: "made-up" }, ip });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "INVALID_REFRESH_TOKEN" });
  });

  it("on reuse of a spent token revokes the whole session: REFRESH_TOKEN_REUSED, both live tokens dead, logged", async () => {
    const user = await createTestUser();
    const { body: first } = await signIn(user.email);
    const second = await (await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: first.refreshToken }, ip })).json();

    const reuse = await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: first.refreshToken }, ip });
    expect(reuse.status).toBe(401);
    expect(await reuse.json()).toMatchObject({ code: "REFRESH_TOKEN_REUSED" });

    const withNewest = await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: second.refreshToken }, ip });
    expect(withNewest.status).toBe(401);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: second.accessToken })).status).toBe(401);
    const logged = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "refresh_token_reused"));
    expect(logged).toEqual([expect.objectContaining({ userId: user.id, ip })]);
  });

  it("of 10 concurrent refreshes with one token exactly one rotates", async () => {
    const user = await createTestUser();
    const { body } = await signIn(user.email);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: body.refreshToken }, ip })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 401)).toHaveLength(9);
  });
});

describe("POST /api/v1/auth/logout", () => {
  it("answers 204 and kills the session's access and refresh tokens", async () => {
    const user = await createTestUser();
    const { body } = await signIn(user.email);
    const res = await callRoute(logout, "POST", "/api/v1/auth/logout", { token: body.accessToken, body: { refreshToken: body.refreshToken } });
    expect(res.status).toBe(204);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: body.accessToken })).status).toBe(401);
    expect((await callRoute(refresh, "POST", "/api/v1/auth/refresh", { body: { refreshToken: body.refreshToken }, ip })).status).toBe(401);
  });

  it("needs a token (401) and accepts an empty body", async () => {
    expect((await callRoute(logout, "POST", "/api/v1/auth/logout", {})).status).toBe(401);
    const user = await createTestUser();
    const { body } = await signIn(user.email);
    expect((await callRoute(logout, "POST", "/api/v1/auth/logout", { token: body.accessToken })).status).toBe(204);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After and RateLimit-* once a client exceeds the per-minute token limit", async () => {
    const user = await createTestUser();
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: user.email, password: "wrong password!" }, ip });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited!.headers.get("ratelimit-limit")).toBe("10");
    expect(limited!.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited!.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
    expect(await limited!.json()).toMatchObject({ status: 429, code: "RATE_LIMITED" });
  });

  it("limits per account across addresses: resend for one email stops after 5 an hour", async () => {
    const email = uniqueEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await callRoute(resend, "POST", "/api/v1/auth/resend", { body: { email }, ip: randomIp() })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  describe("when someone guesses at an account from many addresses", () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it("keeps the owner out for at most a minute: 50 wrong passwords from rotating addresses, then the owner signs in from a new one", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5_000));
      const owner = await createTestUser();
      const attack: number[] = [];
      for (let i = 0; i < 50; i++) {
        const res = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: owner.email, password: `guess number ${i}` }, ip: randomIp() });
        attack.push(res.status);
      }
      expect(attack.filter((s) => s === 401)).toHaveLength(10);
      expect(attack.slice(10).every((s) => s === 429)).toBe(true);

      const ownerIp = randomIp();
      const refused = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: owner.email, password: TEST_PASSWORD }, ip: ownerIp });
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait * 1000).toBeLessThanOrEqual(durationMs(ACCOUNT_LOCKOUT_WINDOW));

      // A sliding window: the last attempts weigh fully at the very end of their window, so one more second.
      vi.setSystemTime(Date.now() + wait * 1000 + 1000);
      ip = ownerIp;
      const { res } = await signIn(owner.email);
      expect(res.status).toBe(200);
    });

    it("still holds one address guessing at one account for the hour: 50 wrong passwords at a pace no minute limit stops, then 429", async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 5_000));
      const owner = await createTestUser();
      const statuses: number[] = [];
      for (let minute = 0; minute < 11; minute++) {
        for (let i = 0; i < 5; i++) statuses.push((await signIn(owner.email, `guess ${minute}-${i}`)).res.status);
        vi.setSystemTime(Date.now() + 61_000);
      }
      expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(50)).toEqual([429, 429, 429, 429, 429]);
    });
  });

  it("with the default TRUSTED_PROXY_HOPS (0), rotating X-Forwarded-For or X-Real-IP does not escape the per-IP limit", async () => {
    env.TRUSTED_PROXY_HOPS = 0;
    // Early in a fixed minute, so the sliding window's carry-over from the last one cannot shift the count.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 5_000));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await callRoute(token, "POST", "/api/v1/auth/token", {
          body: { email: uniqueEmail(), password: "wrong password!" },
          ip: randomIp(),
          headers: { "x-real-ip": randomIp() },
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      env.TRUSTED_PROXY_HOPS = 1;
      vi.useRealTimers();
    }
  });
});
