import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { EmailMessage } from "@/emails/render";
import { env } from "@/lib/env";
import { smtpCircuit } from "@/lib/resilience/circuits";
import { normalizeAddress } from "./address";
import { composeEmail } from "./compose-email";
import { mailbox, type MailboxRow, type MailTransport } from "./schema";
import { deliverBySmtp, sharedSmtpTransporter } from "./smtp";
import { mailTransport } from "./transport";

export type SendEmailInput = {
  /** Names the message for good, e.g. `booking-confirmed:<bookingId>`: the same key is sent at most once. */
  dedupeKey: string;
  to: string;
  message: EmailMessage;
};

export type SendEmailResult = { mailId: string; status: "sent" | "already-sent" };

/**
 * The one way the app sends mail; called from job runs, never inside a transaction (SMTP is a
 * network call). The row is stored before sending and marked sent after, so a retry skips a
 * message that went out and resends one whose process died mid-way. That crash window (accepted by
 * the SMTP server, not yet marked) is the only way a message can go out twice.
 *
 * A first send, the common case, costs one statement (the insert, which is the whole delivery for
 * the built-in mailbox) plus, over SMTP, the update that marks it sent. A retry composes again
 * before its insert finds the stored row: cheaper than a look-up before every first send.
 */
export async function sendEmail(db: DbOrTx, { dedupeKey, to, message }: SendEmailInput): Promise<SendEmailResult> {
  const transport = mailTransport();
  const { row, inserted } = await storeOnce(db, { dedupeKey, toAddress: normalizeAddress(to), transport, ...(await composeEmail(message)) });
  if (row.sentAt) return { mailId: row.id, status: inserted ? "sent" : "already-sent" };

  if (transport === "smtp") {
    const mail = {
      messageId: `<${row.id}@evently>`,
      from: env.MAIL_FROM,
      to: row.toAddress,
      subject: row.subject,
      text: row.text,
      html: row.html,
      attachments: row.attachments,
    };
    // Through the SMTP circuit: while the server is down the run fails at once and is retried later.
    await smtpCircuit().execute(() => deliverBySmtp(sharedSmtpTransporter(), mail));
  }
  await db
    .update(mailbox)
    .set({ sentAt: sql`now()`, transport })
    .where(and(eq(mailbox.id, row.id), isNull(mailbox.sentAt)));
  return { mailId: row.id, status: "sent" };
}

async function findByDedupeKey(db: DbOrTx, dedupeKey: string): Promise<MailboxRow | undefined> {
  const [row] = await db.select().from(mailbox).where(eq(mailbox.dedupeKey, dedupeKey)).limit(1);
  return row;
}

type NewMail = Omit<typeof mailbox.$inferInsert, "id" | "createdAt" | "sentAt"> & { transport: MailTransport };

/** Insert-or-get on the dedupe key: a concurrent retry that lost the race reads the winner's row. */
async function storeOnce(db: DbOrTx, mail: NewMail): Promise<{ row: MailboxRow; inserted: boolean }> {
  const [inserted] = await db
    .insert(mailbox)
    .values({
      dedupeKey: mail.dedupeKey,
      toAddress: mail.toAddress,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments,
      transport: mail.transport,
      // Storing is the whole delivery for the mailbox transport: same statement, same now() as created_at.
      sentAt: mail.transport === "mailbox" ? sql`now()` : null,
    })
    .onConflictDoNothing({ target: mailbox.dedupeKey })
    .returning();
  if (inserted) return { row: inserted, inserted: true };
  const existing = await findByDedupeKey(db, mail.dedupeKey);
  if (!existing) throw new Error(`Mail ${mail.dedupeKey} conflicted on insert but cannot be read back`);
  return { row: existing, inserted: false };
}
