import { beforeEach, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/me/route";
import { createTestTokens, readPasswordResetCode, uniqueEmail } from "@/lib/domain/auth/test-fixtures";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase } from "@/tests/harness/db";
import { callRoute, randomIp } from "../_test/call-route";
import { POST as token } from "../token/route";
import { POST as confirm } from "./confirm/route";
import { POST as requestReset } from "./route";

const NEW_PASSWORD = "marmalade harbour kite";
let ip: string;

beforeEach(async () => {
  await resetDatabase();
  await getRedis()?.flushdb();
  ip = randomIp();
});

describe("POST /api/v1/auth/password-reset", () => {
  it("answers 202 reset_requested, uncached, for a known and an unknown address alike", async () => {
    const known = await createTestTokens();
    for (const email of [known.email, uniqueEmail()]) {
      const res = await callRoute(requestReset, "POST", "/api/v1/auth/password-reset", { body: { email }, ip });
      expect(res.status).toBe(202);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({ status: "reset_requested" });
    }
  });

  it("answers 429 once one inbox has been asked for five codes within the hour", async () => {
    const user = await createTestTokens();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await callRoute(requestReset, "POST", "/api/v1/auth/password-reset", { body: { email: user.email }, ip: randomIp() })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});

describe("POST /api/v1/auth/password-reset/confirm", () => {
  it("answers 204 with the mailed code, kills the old tokens, and the new password signs in", async () => {
    const user = await createTestTokens();
    await callRoute(requestReset, "POST", "/api/v1/auth/password-reset", { body: { email: user.email }, ip });
    const { code } = (await readPasswordResetCode(user.email))!;
    const res = await callRoute(confirm, "POST", "/api/v1/auth/password-reset/confirm", { body: { email: user.email, code, password: NEW_PASSWORD }, ip });
    expect(res.status).toBe(204);
    expect((await callRoute(me, "GET", "/api/v1/me", { token: user.accessToken })).status).toBe(401);
    const signIn = await callRoute(token, "POST", "/api/v1/auth/token", { body: { email: user.email, password: NEW_PASSWORD }, ip });
    expect(signIn.status).toBe(200);
  });

  it("answers 400 INVALID_CODE for a wrong code, a spent code and an unknown address, and 422 for a weak password", async () => {
    const user = await createTestTokens();
    await callRoute(requestReset, "POST", "/api/v1/auth/password-reset", { body: { email: user.email }, ip });
    const { code } = (await readPasswordResetCode(user.email))!;
    const post = (body: object) => callRoute(confirm, "POST", "/api/v1/auth/password-reset/confirm", { body, ip });
    const wrong = await post({ email: user.email, code: code === "000000" ? "111111" : "000000", password: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: "INVALID_CODE" });
    expect((await post({ email: user.email, code, password: "password1" })).status).toBe(422);
    expect((await post({ email: user.email, code, password: NEW_PASSWORD })).status).toBe(204);
    expect(await (await post({ email: user.email, code, password: NEW_PASSWORD })).json()).toMatchObject({ code: "INVALID_CODE" });
    expect(await (await post({ email: uniqueEmail(), code, password: NEW_PASSWORD })).json()).toMatchObject({ code: "INVALID_CODE" });
  });
});
