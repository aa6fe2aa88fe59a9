import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { emailSchema } from "./email";

export const requestPasswordResetInput = z.object({ email: emailSchema });

/**
 * Asks for a reset code. Like a resend, the request only records the ask in the outbox, the
 * same single write whether or not the address has an account, so neither the answer nor its
 * timing tells; the job (issuePasswordResetCode) decides.
 */
export async function requestPasswordReset({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof requestPasswordResetInput>;
}): Promise<{ status: "reset_requested" }> {
  const { email } = requestPasswordResetInput.parse(input);
  await withTransaction(ctx, (tx) => emit(tx, { name: "auth.password_reset_requested", data: { email }, requestId: ctx.requestId }));
  return { status: "reset_requested" };
}
