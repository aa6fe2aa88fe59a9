import { env } from "@/lib/env";
import type { MailTransport } from "./schema";

/** Real SMTP when SMTP_URL is configured; otherwise mail only lands in the built-in mailbox table. */
export function mailTransport(): MailTransport {
  return env.SMTP_URL ? "smtp" : "mailbox";
}
