import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { registerUser } from "./register-user";
import { resendVerification } from "./resend-verification";
import { users, verificationCodes } from "./schema";
import { deliverAuthEmails, readVerificationCode, uniqueEmail } from "./test-fixtures";
import { verifyEmail } from "./verify-email";

const PASSWORD = "tangerine orbit lantern";

async function register(email: string, extra: Partial<{ name: string; password: string; role: "attendee" | "organizer" }> = {}) {
  return registerUser({ ctx: testCtx({ type: "anonymous" }), input: { email, password: PASSWORD, name: "Ann", ...extra } });
}

function verify(email: string, code: string) {
  return verifyEmail({ ctx: testCtx({ type: "anonymous" }), input: { email, code } });
}

function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, "0");
}

describe("registration and email verification", () => {
  beforeEach(resetDatabase);

  it("creates an unverified account, mails a 6-digit code through the outbox, and verifies with it", async () => {
    const email = uniqueEmail();
    expect(await register(email)).toEqual({ status: "verification_sent" });

    const [row] = await getDb().select().from(users).where(eq(users.email, email));
    expect(row).toMatchObject({ role: "attendee", emailVerifiedAt: null });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const code = await readVerificationCode(email);
    expect(code).toMatch(/^\d{6}$/);
    const { user } = await verify(email, code!);
    expect(user).toMatchObject({ email, emailVerified: true, role: "attendee" });
  });

  it("never stores the code in clear: not in the code table, not in the outbox", async () => {
    const email = uniqueEmail();
    await register(email);
    const [event] = await getDb().select().from(outbox).where(eq(outbox.name, "auth.verification_code_issued"));
    const [stored] = await getDb().select().from(verificationCodes);
    const code = await readVerificationCode(email);
    expect(JSON.stringify(event!.data)).not.toContain(code);
    expect(stored!.codeHash).not.toContain(code);
    expect(stored!.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers the same for an existing verified email, mails the owner a notice and changes nothing", async () => {
    const email = uniqueEmail();
    await register(email, { name: "Original" });
    await verify(email, (await readVerificationCode(email))!);
    const [before] = await getDb().select().from(users).where(eq(users.email, email));

    expect(await register(email.toUpperCase(), { name: "Intruder", password: "another strong passphrase", role: "organizer" })).toEqual({
      status: "verification_sent",
    });

    const [after] = await getDb().select().from(users).where(eq(users.email, email));
    expect(after).toEqual(before);
    await deliverAuthEmails();
    const subjects = (await listMailbox(getDb(), { to: email, limit: 10 })).map((m) => m.subject);
    expect(subjects).toHaveLength(2);
    expect(subjects.filter((s) => s.startsWith("Someone tried to create"))).toHaveLength(1);
  });

  it("treats emails case-insensitively and stores them normalised", async () => {
    const email = uniqueEmail();
    await register(`  ${email.toUpperCase()} `);
    const rows = await getDb().select().from(users).where(sql`lower(${users.email}) = ${email}`);
    expect(rows.map((r) => r.email)).toEqual([email]);
    const code = await readVerificationCode(email);
    expect((await verify(email.replace(/^./, (c) => c.toUpperCase()), code!)).user.emailVerified).toBe(true);
  });

  it("refuses weak passwords and an admin role with field errors", async () => {
    const email = uniqueEmail();
    await expect(register(email, { password: "short" })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["password"] })] });
    await expect(register(email, { password: "P@ssw0rd2024!" })).rejects.toThrow(/too common/);
    await expect(register(email, { password: "aaaaaaaaaaaa" })).rejects.toThrow();
    await expect(
      registerUser({ ctx: testCtx({ type: "anonymous" }), input: { email, password: PASSWORD, name: "A", role: "admin" as "attendee" } }),
    ).rejects.toThrow();
    expect(await getDb().select().from(users)).toEqual([]);
  });

  it("rejects a wrong code with INVALID_CODE and kills the code after 5 wrong tries", async () => {
    const email = uniqueEmail();
    await register(email);
    const code = (await readVerificationCode(email))!;
    for (let i = 0; i < 5; i++) await expect(verify(email, wrongCode(code))).rejects.toMatchObject({ code: "INVALID_CODE", kind: "BadRequest" });
    await expect(verify(email, code)).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("counts concurrent wrong guesses exactly: 20 at once leave the code dead, never more than 5 counted", async () => {
    const email = uniqueEmail();
    await register(email);
    const code = (await readVerificationCode(email))!;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => verify(email, wrongCode(code))));
    expect(results.every((r) => r.status === "rejected")).toBe(true);
    const [row] = await getDb().select().from(verificationCodes);
    expect(row!.attempts).toBe(5);
    await expect(verify(email, code)).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("rejects an expired code", async () => {
    const email = uniqueEmail();
    await register(email);
    const code = (await readVerificationCode(email))!;
    const later = new Date(Date.now() + 11 * 60_000);
    await expect(verifyEmail({ ctx: testCtx({ type: "anonymous" }, { now: () => later }), input: { email, code } })).rejects.toMatchObject({
      code: "INVALID_CODE",
    });
  });

  it("answers INVALID_CODE for an unknown email and for a code used twice", async () => {
    await expect(verify(uniqueEmail(), "123456")).rejects.toMatchObject({ code: "INVALID_CODE" });
    const email = uniqueEmail();
    await register(email);
    const code = (await readVerificationCode(email))!;
    await verify(email, code);
    await expect(verify(email, code)).rejects.toMatchObject({ code: "INVALID_CODE" });
  });

  it("resend replaces the code (the old one dies) and is silent for unknown or verified addresses", async () => {
    const email = uniqueEmail();
    await register(email);
    const first = (await readVerificationCode(email))!;
    expect(await resendVerification({ ctx: testCtx({ type: "anonymous" }), input: { email } })).toEqual({ status: "verification_sent" });
    const second = (await readVerificationCode(email))!;
    const mails = await listMailbox(getDb(), { to: email, limit: 10 });
    expect(mails).toHaveLength(2);
    if (first !== second) await expect(verify(email, first)).rejects.toMatchObject({ code: "INVALID_CODE" });
    await verify(email, second);

    const outboxBefore = (await getDb().select().from(outbox)).length;
    await resendVerification({ ctx: testCtx({ type: "anonymous" }), input: { email } });
    await resendVerification({ ctx: testCtx({ type: "anonymous" }), input: { email: uniqueEmail() } });
    expect((await getDb().select().from(outbox)).length).toBe(outboxBefore + 2);
    await deliverAuthEmails();
    expect(await listMailbox(getDb(), { to: email, limit: 10 })).toHaveLength(2);
    expect(await getDb().select().from(outbox).where(eq(outbox.name, "auth.verification_code_issued"))).toHaveLength(2);
  });
});
