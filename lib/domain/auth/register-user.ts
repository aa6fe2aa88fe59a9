import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";
import { issueVerificationCode } from "./issue-verification-code";
import { hashPassword } from "./password";
import { passwordProblem, PASSWORD_MAX_LENGTH } from "./password-policy";
import { users } from "./schema";

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

/**
 * Creates an unverified account and sends it a code. For an address that already has an
 * account the owner gets a notice instead and nothing changes; the caller gets the same answer
 * either way, after the same argon2 work, so registration does not reveal who has an account.
 */
export async function registerUser({ ctx, input }: { ctx: Ctx; input: RegisterUserInput }): Promise<{ status: "verification_sent" }> {
  const { email, password, name, role } = registerUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email, name, passwordHash, role })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email, name: users.name });
    if (created) {
      await issueVerificationCode(tx, ctx, created);
      ctx.log.info({ userId: created.id, role }, "auth.user_registered");
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
