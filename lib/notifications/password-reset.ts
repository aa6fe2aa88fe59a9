import type { z } from "zod";
import { unsealVerificationCode, type authEvents } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import { passwordResetLink } from "./links";

type ResetCodeIssued = z.infer<(typeof authEvents)["auth.password_reset_code_issued"]>;

/**
 * The reset code, unsealed only here, goes straight into the message (as digits and inside the
 * link) and is never returned; the dedupe key names the code, so a retry never sends it twice.
 */
export async function sendPasswordResetEmail({ ctx, input }: { ctx: Ctx; input: ResetCodeIssued }): Promise<SendEmailResult> {
  const code = unsealVerificationCode({ ctx, input: { codeId: input.codeId, sealedCode: input.sealedCode } });
  return sendEmail(ctx.db, {
    dedupeKey: `password-reset:${input.codeId}`,
    to: input.email,
    message: {
      template: "password-reset",
      props: { recipientName: input.name, code, resetUrl: passwordResetLink(input.email, code), expiresInMinutes: input.expiresInMinutes },
    },
  });
}
