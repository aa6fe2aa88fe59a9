import type { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { env } from "@/lib/env";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import type { authEvents } from "./events";
import { unsealCode } from "./verification-code";

type EventData<N extends keyof typeof authEvents> = z.infer<(typeof authEvents)[N]>;

/**
 * Job steps: the verification code, unsealed only here, goes straight into the message; the
 * dedupe key names the code, so a retried step never sends a code twice.
 */
export async function sendVerificationCodeEmail({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: EventData<"auth.verification_code_issued">;
}): Promise<SendEmailResult> {
  const code = unsealCode(input.sealedCode, input.codeId);
  return sendEmail(ctx.db, {
    dedupeKey: `verification-code:${input.codeId}`,
    to: input.email,
    message: { template: "verification-code", props: { recipientName: input.name, code, expiresInMinutes: input.expiresInMinutes } },
  });
}

export async function sendAccountExistsEmail({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: EventData<"auth.registration_for_existing_account"> & { eventId: string };
}): Promise<SendEmailResult> {
  return sendEmail(ctx.db, {
    dedupeKey: `account-exists:${input.eventId}`,
    to: input.email,
    message: { template: "account-exists", props: { recipientName: input.name, signInUrl: new URL("/sign-in", env.APP_URL).toString() } },
  });
}
