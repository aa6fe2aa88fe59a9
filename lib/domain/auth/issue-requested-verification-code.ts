import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";
import { issueVerificationCode } from "./issue-verification-code";

export const issueRequestedVerificationCodeInput = z.object({ email: emailSchema });

/**
 * The job half of a resend: an unverified account gets a fresh code (the old one dies);
 * unknown and already verified addresses get nothing.
 */
export async function issueRequestedVerificationCode({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof issueRequestedVerificationCodeInput>;
}): Promise<{ issued: boolean }> {
  const { email } = issueRequestedVerificationCodeInput.parse(input);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.emailVerifiedAt !== null) return { issued: false };
  await withTransaction(ctx, (tx) => issueVerificationCode(tx, ctx, user));
  ctx.log.info({ userId: user.id }, "auth.verification_code_resent");
  return { issued: true };
}
