import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { issueAccountCode } from "./account-code";
import { invalidCredentials } from "./check-password";
import { emailSchema, normalizeEmail } from "./email";
import { findUserByEmail } from "./find-user";
import { verifyPassword } from "./password";
import { signedInUser } from "./signed-in-user";

export const requestEmailChangeInput = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.").max(1024) });

/**
 * Starts moving the caller's account to a new address: with the current password, a code goes
 * to the new address, and the account's address changes only when that code comes back
 * (confirmEmailChange). An address that already has an account gets no code, with the same
 * answer, so this does not reveal who has an account.
 */
export async function requestEmailChange({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof requestEmailChangeInput>;
}): Promise<{ status: "verification_sent" }> {
  const { email, password } = requestEmailChangeInput.parse(input);
  const { user } = await signedInUser(ctx);
  if (!(await verifyPassword(user.passwordHash, password))) throw invalidCredentials();
  if (normalizeEmail(user.email) === email) {
    throw new Validation("SAME_EMAIL", "That is already your email address.", [{ path: "email", message: "That is already your email address." }]);
  }
  if (await findUserByEmail(ctx.db, email)) {
    ctx.log.info({ userId: user.id }, "auth.email_change_to_taken_address");
    return { status: "verification_sent" };
  }
  await withTransaction(ctx, async (tx) => {
    const issued = await issueAccountCode(tx, ctx, { userId: user.id, purpose: "email_change", newEmail: email });
    await emit(tx, { name: "auth.email_change_code_issued", data: { userId: user.id, email, name: user.name, ...issued }, requestId: ctx.requestId });
  });
  return { status: "verification_sent" };
}
