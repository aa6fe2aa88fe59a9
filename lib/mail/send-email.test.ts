import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import BookingConfirmed from "@/emails/booking-confirmed";
import type { EmailMessage } from "@/emails/render";
import { getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { resetDatabase } from "@/tests/harness/db";
import { listMailbox } from "./list-mailbox";
import { mailbox } from "./schema";
import { sendEmail } from "./send-email";
import { startSmtpTestServer, type SmtpTestServer } from "./smtp-test-server";

const verification: EmailMessage = { template: "verification-code", props: { code: "482913", expiresInMinutes: 10 } };
const booking: EmailMessage = { template: "booking-confirmed", props: BookingConfirmed.PreviewProps };

beforeEach(() => resetDatabase());

describe("sendEmail without SMTP (built-in mailbox)", () => {
  it("stores a message once however often its job step is retried", async () => {
    const db = getDb();
    const first = await sendEmail(db, { dedupeKey: "verify:u1:1", to: "Ann@Example.com", message: verification });
    const retry = await sendEmail(db, { dedupeKey: "verify:u1:1", to: "Ann@Example.com", message: verification });

    expect(first.status).toBe("sent");
    expect(retry).toEqual({ mailId: first.mailId, status: "already-sent" });
    const rows = await db.select().from(mailbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toAddress: "ann@example.com", transport: "mailbox" });
    expect(rows[0]?.sentAt).toEqual(rows[0]?.createdAt);
  });

  it("stores exactly one row when 20 retries of one message race on separate connections", async () => {
    const db = getDb();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sendEmail(db, { dedupeKey: "booking-confirmed:b1", to: "ann@example.com", message: booking })),
    );

    expect(results.filter((r) => r.status === "sent")).toHaveLength(1);
    expect(new Set(results.map((r) => r.mailId)).size).toBe(1);
    expect(await db.select().from(mailbox)).toHaveLength(1);
  });

  it("keeps the calendar attachment of a booking confirmation", async () => {
    const db = getDb();
    const { mailId } = await sendEmail(db, { dedupeKey: "booking-confirmed:b2", to: "ann@example.com", message: booking });
    const [row] = await db.select().from(mailbox).where(eq(mailbox.id, mailId));
    expect(row?.attachments).toEqual([
      expect.objectContaining({ filename: "event.ics", content: expect.stringContaining("DTSTART:20260314T190000Z") }),
    ]);
  });

  it("lists the mailbox newest first, filtered by address in any letter case", async () => {
    const db = getDb();
    await sendEmail(db, { dedupeKey: "m1", to: "ann@example.com", message: verification });
    await sendEmail(db, { dedupeKey: "m2", to: "bob@example.com", message: verification });
    await sendEmail(db, { dedupeKey: "m3", to: "ann@example.com", message: booking });

    const forAnn = await listMailbox(db, { to: "ANN@example.com", limit: 10 });
    expect(forAnn.map((m) => m.subject)).toEqual([
      "Booking confirmed: Jazz on the Roof",
      "482913 is your Evently verification code",
    ]);
    expect(forAnn[0]).toEqual({
      to: "ann@example.com",
      subject: "Booking confirmed: Jazz on the Roof",
      text: expect.stringContaining("TKT-8F3K-Q2ZP-7M4D"),
      html: expect.stringContaining("<!DOCTYPE html"),
      createdAt: expect.any(Date),
    });
    expect(await listMailbox(db, { limit: 2 })).toHaveLength(2);
  });
});

describe("sendEmail over SMTP", () => {
  let server: SmtpTestServer;
  beforeAll(async () => {
    server = await startSmtpTestServer();
    env.SMTP_URL = server.url;
  });
  afterAll(async () => {
    env.SMTP_URL = undefined;
    await server.close();
  });
  beforeEach(() => {
    server.received.length = 0;
  });

  it("delivers once, records when, and sends nothing on a retry", async () => {
    const db = getDb();
    const first = await sendEmail(db, { dedupeKey: "booking-confirmed:b3", to: "ann@example.com", message: booking });
    const retry = await sendEmail(db, { dedupeKey: "booking-confirmed:b3", to: "ann@example.com", message: booking });

    expect(first.status).toBe("sent");
    expect(retry.status).toBe("already-sent");
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.to).toEqual(["ann@example.com"]);
    expect(server.received[0]?.raw).toContain(`Message-ID: <${first.mailId}@evently>`);
    const [row] = await db.select().from(mailbox);
    expect(row).toMatchObject({ transport: "smtp", sentAt: expect.any(Date) });
  });

  it("sends a message that was stored but never sent before the process died", async () => {
    const db = getDb();
    const [stored] = await db
      .insert(mailbox)
      .values({ dedupeKey: "verify:u2:1", toAddress: "bob@example.com", subject: "Stored before the crash", text: "t", html: "<p>h</p>", transport: "smtp" })
      .returning();

    const result = await sendEmail(db, { dedupeKey: "verify:u2:1", to: "bob@example.com", message: verification });

    expect(result).toEqual({ mailId: stored?.id, status: "sent" });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.raw).toContain("Subject: Stored before the crash");
    const [row] = await db.select().from(mailbox);
    expect(row?.sentAt).toBeInstanceOf(Date);
  });

  it("keeps SMTP mail out of the built-in mailbox listing", async () => {
    const db = getDb();
    await sendEmail(db, { dedupeKey: "verify:u3:1", to: "ann@example.com", message: verification });
    expect(await listMailbox(db, { to: "ann@example.com", limit: 10 })).toEqual([]);
  });
});
