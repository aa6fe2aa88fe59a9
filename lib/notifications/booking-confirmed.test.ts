import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookSeats } from "@/lib/domain/bookings";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { sendBookingConfirmedEmail } from "./booking-confirmed";

const LINK = "https://meet.example.com/roof-jazz";

async function confirmationTo(onlineUrl: string | null) {
  const organizer = await createTestUser({ role: "organizer" });
  const holder = await createTestUser();
  const event = await publishedEvent(organizer.actor, { onlineUrl });
  const { booking } = await bookSeats({ ctx: testCtx(holder.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
  await sendBookingConfirmedEmail({ ctx: testCtx({ type: "system" }), input: { bookingId: booking.id, userId: holder.id, eventId: event.id } });
  const [mail] = (await listMailbox(getDb(), { to: holder.email, limit: 5 })).filter((m) => m.subject.startsWith("Booking confirmed"));
  return mail!;
}

describe("the booking confirmation email", () => {
  beforeEach(resetDatabase);

  it("gives the new ticket holder an online event's join link", async () => {
    const mail = await confirmationTo(LINK);
    expect(mail.text).toContain(LINK);
    expect(mail.html).toContain(`href="${LINK}"`);
  });

  it("has no join line for an event in person", async () => {
    expect((await confirmationTo(null)).text).not.toContain("Join online");
  });
});
