import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { issueAccountCode } from "./account-code";
import { emailSchema } from "./email";
import { findUserByEmail } from "./find-user";

export const issuePasswordResetCodeInput = z.object({ email: emailSchema });

/**
 * The job half of a reset request: an account with that address gets a fresh code (the old one
 * dies) sealed into the fact its email job reads; an unknown address gets nothing.
 */
export async function issuePasswordResetCode({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof issuePasswordResetCodeInput>;
}): Promise<{ issued: boolean }> {
  const { email } = issuePasswordResetCodeInput.parse(input);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.deletedAt !== null) return { issued: false };
  await withTransaction(ctx, async (tx) => {
    const issued = await issueAccountCode(tx, ctx, { userId: user.id, purpose: "password_reset" });
    await emit(tx, {
      name: "auth.password_reset_code_issued",
      data: { userId: user.id, email: user.email, name: user.name, ...issued },
      requestId: ctx.requestId,
    });
  });
  ctx.log.info({ userId: user.id }, "auth.password_reset_code_issued");
  return { issued: true };
}
