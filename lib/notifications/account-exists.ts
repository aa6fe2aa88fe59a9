import type { z } from "zod";
import type { authEvents } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import type { EmailMessage } from "@/emails/render";
import { signInLink } from "./links";

type RegisteredAgain = z.infer<(typeof authEvents)["auth.registration_for_existing_account"]>;

/** The message as it goes out: a way back in (sign-in), and no code. */
export function accountExistsMessage({ name }: { name: string }): EmailMessage {
  return { template: "account-exists", props: { recipientName: name, signInUrl: signInLink() } };
}

/** Tells an account's owner that someone tried to register their address again; one message per fact. */
export async function sendAccountExistsEmail({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RegisteredAgain & { factId: string };
}): Promise<SendEmailResult> {
  return sendEmail(ctx.db, { dedupeKey: `account-exists:${input.factId}`, to: input.email, message: accountExistsMessage(input) });
}
