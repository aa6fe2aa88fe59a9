import type { z } from "zod";
import { unsealVerificationCode, type authEvents } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";

type CodeIssued = z.infer<(typeof authEvents)["auth.verification_code_issued"]>;

/**
 * The verification code, unsealed by the auth domain only here, goes straight into the message
 * and is never returned; the dedupe key names the code, so a retry never sends a code twice.
 */
export async function sendVerificationCodeEmail({ ctx, input }: { ctx: Ctx; input: CodeIssued }): Promise<SendEmailResult> {
  const code = unsealVerificationCode({ ctx, input: { codeId: input.codeId, sealedCode: input.sealedCode } });
  return sendEmail(ctx.db, {
    dedupeKey: `verification-code:${input.codeId}`,
    to: input.email,
    message: { template: "verification-code", props: { recipientName: input.name, code, expiresInMinutes: input.expiresInMinutes } },
  });
}
