import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { emit } from "@/lib/jobs/emit";
import { emailSchema } from "./email";

export const resendVerificationInput = z.object({ email: emailSchema });

/**
 * Asks for a fresh code. The request only records the ask in the outbox, the same single
 * write whether the address is unknown, verified or waiting for its code, so neither the
 * answer nor its timing tells them apart; the job (issueRequestedVerificationCode) decides.
 */
export async function resendVerification({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof resendVerificationInput>;
}): Promise<{ status: "verification_sent" }> {
  const { email } = resendVerificationInput.parse(input);
  await withTransaction(ctx, (tx) => emit(tx, { name: "auth.verification_resend_requested", data: { email }, requestId: ctx.requestId }));
  return { status: "verification_sent" };
}
