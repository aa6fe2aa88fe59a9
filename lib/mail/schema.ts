import { sql } from "drizzle-orm";
import { check, index, jsonb, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { platform } from "@/lib/db/platform-schema";

// Re-exported so drizzle-kit, which only sees the schema files, emits CREATE SCHEMA "platform".
export { platform };

export const mailTransports = ["mailbox", "smtp"] as const;
export type MailTransport = (typeof mailTransports)[number];

export type StoredAttachment = { filename: string; contentType: string; content: string };

/**
 * Every message the app sends, whatever the transport. The unique `dedupe_key` makes a retried
 * job step find its earlier row instead of sending again; `sent_at` stays null until the SMTP
 * server accepted the message, so a crash between insert and send is retried rather than lost.
 * With the built-in mailbox transport this table *is* the delivery, and sent_at = created_at.
 */
export const mailbox = platform.table(
  "mailbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull().unique("mailbox_dedupe_key_unique"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    attachments: jsonb("attachments").$type<StoredAttachment[]>().notNull().default([]),
    transport: text("transport", { enum: mailTransports }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mailbox_to_address_created_at_idx").on(t.toAddress, t.createdAt.desc()),
    index("mailbox_created_at_idx").on(t.createdAt),
    check("mailbox_transport_check", sql`${t.transport} in ('mailbox', 'smtp')`),
  ],
);

export type MailboxRow = typeof mailbox.$inferSelect;
