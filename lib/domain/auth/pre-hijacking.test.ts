import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { authenticateAccessToken } from "./authenticate-access-token";
import { issueTokens } from "./issue-tokens";
import { registerUser } from "./register-user";
import { rotateRefreshToken } from "./rotate-refresh-token";
import { users, userSessions, verificationCodes } from "./schema";
import { codeMatches } from "./verification-code";
import { deliverAuthEmails, readVerificationCode, uniqueEmail } from "./test-fixtures";
import { verifyEmail } from "./verify-email";

const ATTACKER_PASSWORD = "saffron tundra pixel gallop";
const OWNER_PASSWORD = "lantern river copper meadow";
const anonymousCtx = () => testCtx({ type: "anonymous" });

function register(email: string, password: string, extra: { name?: string; role?: "attendee" | "organizer" } = {}) {
  return registerUser({ ctx: anonymousCtx(), input: { email, password, name: extra.name ?? "Someone", role: extra.role } });
}

function signIn(email: string, password: string) {
  return issueTokens({ ctx: anonymousCtx(), input: { email, password } });
}

describe("no account pre-hijacking", () => {
  beforeEach(resetDatabase);

  it("lets the mailbox owner take over an unverified account an attacker registered: attacker's password, code and sessions all die", async () => {
    const email = uniqueEmail("victim");
    await register(email, ATTACKER_PASSWORD, { name: "Attacker", role: "organizer" });
    const attackerCode = (await readVerificationCode(email))!;
    const attacker = await signIn(email, ATTACKER_PASSWORD);

    expect(await register(email, OWNER_PASSWORD, { name: "Owner" })).toEqual({ status: "verification_sent" });

    await expect(authenticateAccessToken({ db: getDb(), token: attacker.accessToken, now: new Date() })).rejects.toMatchObject({ kind: "Unauthenticated" });
    await expect(rotateRefreshToken({ ctx: anonymousCtx(), input: { refreshToken: attacker.refreshToken } })).rejects.toMatchObject({ kind: "Unauthenticated" });
    const sessions = await getDb().select().from(userSessions);
    expect(sessions).toEqual([expect.objectContaining({ revokedReason: "unverified_account_re_registered" })]);
    await expect(signIn(email, ATTACKER_PASSWORD)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });

    const ownerCode = (await readVerificationCode(email))!;
    const codes = (await listMailbox(getDb(), { to: email, limit: 10 })).filter((m) => /verification code/.test(m.subject));
    expect(codes).toHaveLength(2);
    if (ownerCode !== attackerCode) {
      await expect(verifyEmail({ ctx: anonymousCtx(), input: { email, code: attackerCode } })).rejects.toMatchObject({ code: "INVALID_CODE" });
    }
    const { user } = await verifyEmail({ ctx: anonymousCtx(), input: { email, code: ownerCode } });
    expect(user).toMatchObject({ email, name: "Owner", role: "attendee", emailVerified: true });

    await expect(signIn(email, ATTACKER_PASSWORD)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(await signIn(email, OWNER_PASSWORD)).toMatchObject({ tokenType: "Bearer" });
  });

  it("restarts the unverified account's purge clock with the registration that took it over", async () => {
    const email = uniqueEmail();
    await register(email, ATTACKER_PASSWORD);
    await getDb().update(users).set({ createdAt: new Date(Date.now() - 6 * 86_400_000) }).where(eq(users.email, email));
    await register(email, OWNER_PASSWORD);
    const [row] = await getDb().select().from(users).where(eq(users.email, email));
    expect(Date.now() - row!.createdAt.getTime()).toBeLessThan(60_000);
  });

  it("leaves a verified account as it is: the old password still works and no session ends", async () => {
    const email = uniqueEmail();
    await register(email, OWNER_PASSWORD, { name: "Owner" });
    await verifyEmail({ ctx: anonymousCtx(), input: { email, code: (await readVerificationCode(email))! } });
    const owner = await signIn(email, OWNER_PASSWORD);
    const [before] = await getDb().select().from(users).where(eq(users.email, email));

    expect(await register(email, ATTACKER_PASSWORD, { name: "Attacker", role: "organizer" })).toEqual({ status: "verification_sent" });

    const [after] = await getDb().select().from(users).where(eq(users.email, email));
    expect(after).toEqual(before);
    expect(await authenticateAccessToken({ db: getDb(), token: owner.accessToken, now: new Date() })).toMatchObject({ userId: before!.id });
    await expect(signIn(email, ATTACKER_PASSWORD)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    await deliverAuthEmails();
    const subjects = (await listMailbox(getDb(), { to: email, limit: 10 })).map((m) => m.subject);
    expect(subjects.filter((s) => s.startsWith("Someone tried to create"))).toHaveLength(1);
  });

  it("of 8 concurrent registrations of one new address, one account results, exactly one mailed code is live and exactly one password works", async () => {
    const email = uniqueEmail();
    const passwords = Array.from({ length: 8 }, (_, i) => `racing passphrase number ${i}`);
    await Promise.all(passwords.map((p) => register(email, p)));

    const [account, ...others] = await getDb().select().from(users);
    expect(others).toEqual([]);
    const live = await getDb().select().from(verificationCodes);
    expect(live).toHaveLength(1);
    await deliverAuthEmails();
    const mailed = (await listMailbox(getDb(), { to: email, limit: 20 })).map((m) => m.subject.slice(0, 6));
    expect(mailed).toHaveLength(8);
    expect(mailed.filter((code) => codeMatches(live[0]!.codeHash, account!.id, code))).toHaveLength(1);
    const works = await Promise.all(passwords.map((p) => signIn(email, p).then(() => true, () => false)));
    expect(works.filter(Boolean)).toHaveLength(1);
  });
});
