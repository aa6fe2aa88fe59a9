import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { sendOrderConfirmedEmail } from "./order-confirmed";

const LINK = "https://meet.example.com/roof-jazz";

async function confirmationTo(onlineUrl: string | null) {
  const organizer = await createTestUser({ role: "organizer" });
  const holder = await createTestUser();
  const event = await publishedEvent(organizer.actor, { onlineUrl, priceCents: 0 });
  const { booking } = await bookSeats({ ctx: testCtx(holder.actor), input: { eventId: event.id, quantity: 2, idempotencyKey: randomUUID() } });
  await sendOrderConfirmedEmail({ ctx: testCtx({ type: "system" }), input: { orderId: booking.id, userId: holder.id, eventId: event.id } });
  await sendOrderConfirmedEmail({ ctx: testCtx({ type: "system" }), input: { orderId: booking.id, userId: holder.id, eventId: event.id } });
  const mails = (await listMailbox(getDb(), { to: holder.email, limit: 5 })).filter((m) => m.subject.startsWith("Order confirmed"));
  return { mails, codes: booking.items.map((i) => i.ticketCode) };
}

describe("the order confirmation email", () => {
  beforeEach(resetDatabase);

  it("lists each ticket with its type and code, once however often the job runs", async () => {
    const { mails, codes } = await confirmationTo(null);
    expect(mails).toHaveLength(1);
    for (const code of codes) expect(mails[0]!.text).toContain(`General admission: ${code}`);
  });

  it("gives the new ticket holder an online event's join link", async () => {
    const { mails } = await confirmationTo(LINK);
    expect(mails[0]!.text).toContain(LINK);
    expect(mails[0]!.html).toContain(`href="${LINK}"`);
  });

  it("has no join line for an event in person", async () => {
    expect((await confirmationTo(null)).mails[0]!.text).not.toContain("Join online");
  });
});
