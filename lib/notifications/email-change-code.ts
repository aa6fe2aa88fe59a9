import type { z } from "zod";
import { unsealVerificationCode, type authEvents } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";

type EmailChangeCodeIssued = z.infer<(typeof authEvents)["auth.email_change_code_issued"]>;

/** The code that proves the new address, sent to that address as a verification code; never returned. */
export async function sendEmailChangeCodeEmail({ ctx, input }: { ctx: Ctx; input: EmailChangeCodeIssued }): Promise<SendEmailResult> {
  const code = unsealVerificationCode({ ctx, input: { codeId: input.codeId, sealedCode: input.sealedCode } });
  return sendEmail(ctx.db, {
    dedupeKey: `email-change:${input.codeId}`,
    to: input.email,
    message: { template: "verification-code", props: { recipientName: input.name, code, expiresInMinutes: input.expiresInMinutes } },
  });
}
