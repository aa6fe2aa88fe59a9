import { and, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { confirmPasswordReset } from "./confirm-password-reset";
import { findUserByEmail } from "./find-user";
import { verifyPassword } from "./password";
import { requestPasswordReset } from "./request-password-reset";
import { accountCodes, securityEvents, userSessions } from "./schema";
import { openSession } from "./sessions";
import { createTestUser, readPasswordResetCode, uniqueEmail } from "./test-fixtures";

const NEW_PASSWORD = "marmalade harbour kite";
const anonymousCtx = (now?: Date) => testCtx({ type: "anonymous" }, now ? { now: () => now } : {});

async function liveSessions(userId: string): Promise<number> {
  return (await getDb().select().from(userSessions).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))).length;
}

function otherCode(code: string): string {
  return code === "000000" ? "111111" : "000000";
}

describe("password reset", () => {
  beforeEach(resetDatabase);

  it("mails a code and a link carrying it; the code sets a new password once, ends every session and is logged", async () => {
    const user = await createTestUser();
    await openSession(getDb(), { userId: user.id, kind: "web", client: { ip: "", userAgent: "laptop" }, now: new Date() });
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: user.email.toUpperCase() } });
    const mailed = (await readPasswordResetCode(user.email))!;
    expect(mailed.link).toContain(`code=${mailed.code}`);
    expect(new URL(mailed.link).searchParams.get("email")).toBe(user.email);
    expect(await liveSessions(user.id)).toBe(2);

    await confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code: mailed.code, password: NEW_PASSWORD } });
    const row = (await findUserByEmail(getDb(), user.email))!;
    expect(await verifyPassword(row.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await liveSessions(user.id)).toBe(0);
    const [event] = await getDb().select().from(securityEvents).where(eq(securityEvents.type, "password_reset"));
    expect(event).toMatchObject({ userId: user.id, details: { sessionsRevoked: 2 } });

    await expect(
      confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code: mailed.code, password: "another fine passphrase" } }),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("refuses the code after 30 minutes", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: user.email } });
    const { code } = (await readPasswordResetCode(user.email))!;
    const later = new Date(Date.now() + 31 * 60_000);
    await expect(
      confirmPasswordReset({ ctx: anonymousCtx(later), input: { email: user.email, code, password: NEW_PASSWORD } }),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("counts wrong codes: after five the right one no longer works, and the password is unchanged", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: user.email } });
    const { code } = (await readPasswordResetCode(user.email))!;
    for (let i = 0; i < 5; i++) {
      await expect(
        confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code: otherCode(code), password: NEW_PASSWORD } }),
      ).rejects.toMatchObject({ code: "INVALID_CODE" });
    }
    const [row] = await getDb().select().from(accountCodes).where(eq(accountCodes.userId, user.id));
    expect(row?.attempts).toBe(5);
    await expect(confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code, password: NEW_PASSWORD } })).rejects.toMatchObject({
      code: "INVALID_CODE",
    });
    expect(await verifyPassword((await findUserByEmail(getDb(), user.email))!.passwordHash, NEW_PASSWORD)).toBe(false);
  });

  it("of 8 concurrent confirmations with the right code exactly one succeeds", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: user.email } });
    const { code } = (await readPasswordResetCode(user.email))!;
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code, password: NEW_PASSWORD } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getDb().select().from(securityEvents).where(eq(securityEvents.type, "password_reset"))).length).toBe(1);
  });

  it("records the same single outbox write for an unknown address, and its job mails nothing", async () => {
    const known = await createTestUser();
    const unknown = uniqueEmail();
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: known.email } });
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: unknown } });
    const facts = await getDb().select({ name: outbox.name, data: outbox.data }).from(outbox);
    expect(facts.map((f) => f.name)).toEqual(["auth.password_reset_requested", "auth.password_reset_requested"]);
    expect(await readPasswordResetCode(unknown)).toBeUndefined();
    expect(await readPasswordResetCode(known.email)).toBeDefined();
    await expect(
      confirmPasswordReset({ ctx: anonymousCtx(), input: { email: unknown, code: "123456", password: NEW_PASSWORD } }),
    ).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("refuses a weak password before counting the try, and stores the code only as a hash", async () => {
    const user = await createTestUser();
    await requestPasswordReset({ ctx: anonymousCtx(), input: { email: user.email } });
    const { code } = (await readPasswordResetCode(user.email))!;
    await expect(confirmPasswordReset({ ctx: anonymousCtx(), input: { email: user.email, code, password: "password1" } })).rejects.toMatchObject({
      code: "WEAK_PASSWORD",
    });
    const [row] = await getDb().select().from(accountCodes).where(eq(accountCodes.userId, user.id));
    expect(row).toMatchObject({ purpose: "password_reset", attempts: 0 });
    expect(row?.codeHash).not.toContain(code);
  });
});
