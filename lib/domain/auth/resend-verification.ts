import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";
import { issueVerificationCode } from "./issue-verification-code";

export const resendVerificationInput = z.object({ email: emailSchema });

/**
 * Sends a fresh code to an unverified account (the old one dies). Unknown and already
 * verified addresses get the same answer and nothing is sent.
 */
export async function resendVerification({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof resendVerificationInput>;
}): Promise<{ status: "verification_sent" }> {
  const { email } = resendVerificationInput.parse(input);
  const user = await findUserByEmail(ctx.db, email);
  if (user && user.emailVerifiedAt === null) {
    await withTransaction(ctx, (tx) => issueVerificationCode(tx, ctx, user));
    ctx.log.info({ userId: user.id }, "auth.verification_code_resent");
  }
  return { status: "verification_sent" };
}
