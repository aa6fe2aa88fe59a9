import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Role, UserActor } from "@/lib/domain/context";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { issueRequestedVerificationCode } from "@/inngest/functions/issue-requested-verification-code";
import { sendAccountExistsEmail } from "@/inngest/functions/send-account-exists-email";
import { sendVerificationEmail } from "@/inngest/functions/send-verification-email";
import { issuePasswordResetCode } from "@/inngest/functions/issue-password-reset-code";
import { sendPasswordResetEmail } from "@/inngest/functions/send-password-reset-email";
import { sendEmailChangeCodeEmail } from "@/inngest/functions/send-email-change-code-email";
import { testCtx } from "@/tests/harness/db";
import { hashPassword } from "./password";
import { users } from "./schema";
import { sessionExpiry } from "./session-lifetime";
import { openSession } from "./sessions";
import { createTokenPair, type TokenPair } from "./token-pair";

/** For tests (any domain): accounts, sessions and tokens without going through email. */
export const TEST_PASSWORD = "correct horse battery staple";

let testPasswordHash: Promise<string> | undefined;

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`;
}

export async function createTestUser(
  options: { role?: Role; verified?: boolean; email?: string; name?: string } = {},
): Promise<{ id: string; email: string; actor: UserActor }> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? uniqueEmail(options.role ?? "attendee");
  const [row] = await getDb()
    .insert(users)
    .values({
      email,
      name: options.name ?? "Test User",
      passwordHash: await testPasswordHash,
      role: options.role ?? "attendee",
      emailVerifiedAt: options.verified === false ? null : new Date(),
    })
    .returning();
  const session = await openSession(getDb(), { userId: row!.id, kind: "api", client: { ip: "", userAgent: "test" }, now: new Date() });
  return {
    id: row!.id,
    email,
    actor: { type: "user", userId: row!.id, role: row!.role, emailVerified: row!.emailVerifiedAt !== null, sessionId: session.id },
  };
}

/** A signed-in API client for a test user: its session and first token pair. */
export async function createTestTokens(options: Parameters<typeof createTestUser>[0] = {}): Promise<TokenPair & { userId: string; sessionId: string; email: string }> {
  const user = await createTestUser(options);
  const now = new Date();
  const sessionId = user.actor.sessionId!;
  const pair = await createTokenPair(getDb(), { userId: user.id, role: user.actor.role, sessionId, sessionExpiresAt: sessionExpiry(now), now });
  return { ...pair, userId: user.id, sessionId, email: user.email };
}

/** Runs the auth jobs waiting in the outbox, and the emails the resend job's codes then need. */
export async function deliverAuthEmails(): Promise<void> {
  await drainJobs({
    db: getDb(),
    functions: [
      issueRequestedVerificationCode,
      sendVerificationEmail,
      sendAccountExistsEmail,
      issuePasswordResetCode,
      sendPasswordResetEmail,
      sendEmailChangeCodeEmail,
    ],
  });
}

/** The newest code mailed to `email` (the jobs are run first). */
export async function readVerificationCode(email: string): Promise<string | undefined> {
  await deliverAuthEmails();
  const messages = await listMailbox(testCtx().db, { to: email, limit: 20 });
  const subject = messages.find((m) => /is your Evently verification code/.test(m.subject))?.subject;
  return subject?.match(/^(\d{6}) /)?.[1];
}

/** The newest password reset code mailed to `email` (the jobs are run first), and the link's address. */
export async function readPasswordResetCode(email: string): Promise<{ code: string; link: string } | undefined> {
  await deliverAuthEmails();
  const messages = await listMailbox(testCtx().db, { to: email, limit: 20 });
  const message = messages.find((m) => /is your Evently password reset code/.test(m.subject));
  const code = message?.subject.match(/^(\d{6}) /)?.[1];
  const link = message?.text.match(/https?:\/\/\S*\/reset-password\?[^\s\]]+/)?.[0];
  return code && link ? { code, link } : undefined;
}
