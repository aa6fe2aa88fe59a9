import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { emailSchema } from "./email";
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

const NO_USER_ID = "00000000-0000-0000-0000-000000000000";

type Account = { id: string; email: string; name: string; verified: boolean };

/**
 * One statement for every case, so every case does the same work: a new address inserts; an
 * unverified account belongs to nobody yet, so this registration takes it over (password,
 * name, role, and its purge clock, created_at); a verified one keeps every value. The row lock
 * orders concurrent registrations: the last to set the password is also the last to replace
 * the code.
 */
async function upsertAccount(tx: Tx, { email, name, role, passwordHash, now }: { email: string; name: string; role: string; passwordHash: string; now: Date }): Promise<Account> {
  const at = now.toISOString();
  const rows = await tx.execute<Account>(sql`
    insert into ${users} as existing (email, name, password_hash, role, created_at, updated_at)
    values (${email}, ${name}, ${passwordHash}, ${role}::auth.user_role, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (lower(email)) do update set
      password_hash = case when existing.email_verified_at is null then excluded.password_hash else existing.password_hash end,
      name = case when existing.email_verified_at is null then excluded.name else existing.name end,
      role = case when existing.email_verified_at is null then excluded.role else existing.role end,
      created_at = case when existing.email_verified_at is null then excluded.created_at else existing.created_at end,
      updated_at = case when existing.email_verified_at is null then excluded.updated_at else existing.updated_at end
    returning id, email, name, email_verified_at is not null as verified`);
  return rows[0]!;
}

/**
 * Registers an address and mails a code to it. A new address gets an unverified account; an
 * unverified one is taken over by this registration (its sessions end, the old code dies and
 * the mailbox gets a fresh one, so whoever proves the mailbox owns the account, with the
 * latest password); a verified one is left as it is and its owner gets a notice. The caller
 * gets the same answer in every case, after the same argon2 work and the same statements, so
 * registration does not reveal who has an account.
 */
export async function registerUser({ ctx, input }: { ctx: Ctx; input: RegisterUserInput }): Promise<{ status: "verification_sent" }> {
  const { email, password, name, role } = registerUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const account = await upsertAccount(tx, { email, name, role, passwordHash, now });
    // Sessions opened with a replaced password (perhaps someone else's) end with it; for a new
    // or a verified account the same statement matches nothing.
    const revoked = await revokeUserSessions(tx, { userId: account.verified ? NO_USER_ID : account.id, reason: "unverified_account_re_registered", now });
    if (revoked > 0) {
      await recordSecurityEvent(tx, ctx, { type: "session_revoked", userId: account.id, email: account.email, details: { reason: "unverified_account_re_registered", sessions: revoked } });
    }
    if (!account.verified) {
      await issueVerificationCode(tx, ctx, account);
      ctx.log.info({ userId: account.id, role }, "auth.user_registered");
      return;
    }
    await emit(tx, {
      name: "auth.registration_for_existing_account",
      data: { userId: account.id, email: account.email, name: account.name },
      requestId: ctx.requestId,
    });
    ctx.log.info({ userId: account.id }, "auth.registration_for_existing_account");
  });
  return { status: "verification_sent" };
}
