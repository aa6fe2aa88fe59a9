import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { StoredAttachment } from "./schema";

export type SmtpMail = {
  /** Stable per stored message, so a resend after a crash can be recognised by the receiver. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: StoredAttachment[];
};

/**
 * nodemailer waits up to 2 minutes to connect and 10 minutes on an idle socket by default; a
 * hung server would hold a job step that long. A value in SMTP_URL's query string still wins.
 */
const TIMEOUTS_MS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

export function createSmtpTransporter(url: string): Transporter {
  const withTimeouts = new URL(url);
  for (const [name, ms] of Object.entries(TIMEOUTS_MS)) {
    if (!withTimeouts.searchParams.has(name)) withTimeouts.searchParams.set(name, String(ms));
  }
  return nodemailer.createTransport(withTimeouts.toString());
}

let shared: Transporter | undefined;

/** One pooled transporter per process, created on first use so a build or test never needs SMTP. */
export function sharedSmtpTransporter(): Transporter {
  if (!shared) {
    if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: mail goes to the built-in mailbox instead.");
    shared = createSmtpTransporter(env.SMTP_URL);
  }
  return shared;
}

export async function deliverBySmtp(transporter: Transporter, mail: SmtpMail): Promise<void> {
  await transporter.sendMail({
    messageId: mail.messageId,
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  });
}
