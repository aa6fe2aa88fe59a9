import { and, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { emailSchema, normalizeEmail } from "./email";
import { findUserByEmail } from "./find-user";
import { issueVerificationCode } from "./issue-verification-code";
import { hashPassword } from "./password";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "./password-policy";
import { users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeUserSessions } from "./sessions";

export const registerUserInput = z
  .object({
    email: emailSchema,
    password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
    name: z.string().trim().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
    role: z.enum(["attendee", "organizer"]).default("attendee"),
  })
  .superRefine((v, issue) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name });
    if (problem) issue.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type RegisterUserInput = z.input<typeof registerUserInput>;

type Registration = { email: string; name: string; role: "attendee" | "organizer"; passwordHash: string };

/**
 * An unverified account belongs to nobody yet: whoever registers the address last sets its
 * password, name and role, and restarts its purge clock (created_at). The row lock of this
 * conditional update orders concurrent registrations, so the last one to set the password is
 * also the last one to replace the code.
 */
async function takeOverUnverified(tx: Tx, ctx: Ctx, registration: Registration) {
  const now = ctx.now();
  const [taken] = await tx
    .update(users)
    .set({ passwordHash: registration.passwordHash, name: registration.name, role: registration.role, createdAt: now, updatedAt: now })
    .where(and(sql`lower(${users.email}) = ${normalizeEmail(registration.email)}`, isNull(users.emailVerifiedAt)))
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!taken) return null;
  // Sessions opened with the replaced password (perhaps someone else's) end with it.
  const revoked = await revokeUserSessions(tx, { userId: taken.id, reason: "unverified_account_re_registered", now });
  if (revoked > 0) {
    await recordSecurityEvent(tx, ctx, { type: "session_revoked", userId: taken.id, email: taken.email, details: { reason: "unverified_account_re_registered", sessions: revoked } });
  }
  return taken;
}

/**
 * Registers an address and mails a code to it. A new address gets an unverified account; an
 * unverified one is taken over by this registration (the old code dies, the mailbox gets a
 * fresh one, so whoever proves the mailbox owns the account with the latest password); a
 * verified one is left as it is and its owner gets a notice. The caller gets the same answer
 * in every case, after the same argon2 work, so registration does not reveal who has an account.
 */
export async function registerUser({ ctx, input }: { ctx: Ctx; input: RegisterUserInput }): Promise<{ status: "verification_sent" }> {
  const { email, password, name, role } = registerUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const [created] = await tx
      .insert(users)
      .values({ email, name, passwordHash, role, createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name });
    if (created) {
      await issueVerificationCode(tx, ctx, created);
      ctx.log.info({ userId: created.id, role }, "auth.user_registered");
      return;
    }
    const taken = await takeOverUnverified(tx, ctx, { email, name, role, passwordHash });
    if (taken) {
      await issueVerificationCode(tx, ctx, taken);
      ctx.log.info({ userId: taken.id, role }, "auth.unverified_account_re_registered");
      return;
    }
    const existing = await findUserByEmail(tx, email);
    if (!existing) throw new Error("Registration conflicted on an email that cannot be read back");
    await emit(tx, {
      name: "auth.registration_for_existing_account",
      data: { userId: existing.id, email: existing.email, name: existing.name },
      requestId: ctx.requestId,
    });
    ctx.log.info({ userId: existing.id }, "auth.registration_for_existing_account");
  });
  return { status: "verification_sent" };
}
