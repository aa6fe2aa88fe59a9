import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { registerUser } from "./register-user";
import { resolveSession } from "./resolve-session";
import { securityEvents } from "./schema";
import { readVerificationCode, uniqueEmail } from "./test-fixtures";
import { verifyEmailAndSignIn } from "./verify-email-and-sign-in";

const anonymousCtx = () => testCtx({ type: "anonymous" });

describe("verifyEmailAndSignIn", () => {
  beforeEach(resetDatabase);

  it("confirms the address and opens a live web session for it, logged as a sign-in by email code", async () => {
    const email = uniqueEmail();
    await registerUser({ ctx: anonymousCtx(), input: { email, password: "tangerine orbit lantern", name: "Ann" } });
    const code = (await readVerificationCode(email))!;
    const { user, sessionId } = await verifyEmailAndSignIn({ ctx: anonymousCtx(), input: { email, code, client: { ip: "203.0.113.9", userAgent: "browser" } } });
    expect(user.emailVerified).toBe(true);
    const session = await resolveSession({ db: getDb(), sessionId, now: new Date() });
    expect(session?.actor).toMatchObject({ userId: user.id, emailVerified: true });
    const [event] = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "sign_in_succeeded"));
    expect(event).toMatchObject({ sessionId, details: { kind: "web", method: "email_code" } });
  });

  it("opens no session for a wrong code", async () => {
    const email = uniqueEmail();
    await registerUser({ ctx: anonymousCtx(), input: { email, password: "tangerine orbit lantern", name: "Ann" } });
    const code = (await readVerificationCode(email))!;
    await expect(
      verifyEmailAndSignIn({ ctx: anonymousCtx(), input: { email, code: code === "000000" ? "111111" : "000000" } }),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
    expect(await getDb().select().from(securityEvents).where(eq(securityEvents.type, "sign_in_succeeded"))).toEqual([]);
  });
});
