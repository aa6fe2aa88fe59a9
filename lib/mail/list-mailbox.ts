import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { mailbox } from "./schema";
import { normalizeAddress } from "./address";

export type MailboxMessage = { to: string; subject: string; text: string; html: string; createdAt: Date };

/** What landed in the built-in mailbox (mail sent without SMTP), newest first; for GET /api/dev/mailbox. */
export async function listMailbox(db: DbOrTx, { to, limit }: { to?: string; limit: number }): Promise<MailboxMessage[]> {
  return db
    .select({
      to: mailbox.toAddress,
      subject: mailbox.subject,
      text: mailbox.text,
      html: mailbox.html,
      createdAt: mailbox.createdAt,
    })
    .from(mailbox)
    .where(and(eq(mailbox.transport, "mailbox"), to === undefined ? undefined : eq(mailbox.toAddress, normalizeAddress(to))))
    .orderBy(desc(mailbox.createdAt))
    .limit(limit);
}
