import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { cancelEventBookingsOnCancel } from "@/inngest/functions/cancel-event-bookings";
import { promoteWaitlistOnRelease } from "@/inngest/functions/promote-waitlist";
import { sendBookingCancelledEmailOnCancel } from "@/inngest/functions/send-booking-cancelled-email";
import { sendOrderConfirmedEmailOnConfirm } from "@/inngest/functions/send-order-confirmed-email";
import { sendWaitlistJoinedEmailOnJoin } from "@/inngest/functions/send-waitlist-joined-email";
import { sendWaitlistPromotedEmailOnPromote } from "@/inngest/functions/send-waitlist-promoted-email";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { cancelEvent } from "@/lib/domain/events";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { drainJobs } from "@/lib/jobs/drain";
import { listMailbox } from "@/lib/mail/list-mailbox";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { cancelBooking } from "./cancel-booking";
import { cancelEventBookings } from "./cancel-event-bookings";
import { joinWaitlist } from "./join-waitlist";
import { bookings, eventInventory, waitlistEntries } from "./schema";

const bookingFunctions = [
  promoteWaitlistOnRelease,
  cancelEventBookingsOnCancel,
  sendOrderConfirmedEmailOnConfirm,
  sendBookingCancelledEmailOnCancel,
  sendWaitlistJoinedEmailOnJoin,
  sendWaitlistPromotedEmailOnPromote,
];
const runJobs = () => drainJobs({ db: getDb(), functions: bookingFunctions, timeoutMs: 20_000 });

async function liveEvent(capacity: number) {
  const organizer = await createTestUser({ role: "organizer" });
  // The title is in every email subject asserted below.
  // Free: these jobs are about seats and mail, and a paid booking waits for payment first.
  const event = await publishedEvent(organizer.actor, { title: "Harbour Lights", capacity, priceCents: 0 });
  return { event, organizer };
}

const book = (actor: Awaited<ReturnType<typeof createTestUser>>["actor"], eventId: string, quantity = 1) =>
  bookSeats({ ctx: testCtx(actor), input: { eventId, quantity, idempotencyKey: randomUUID() } }).then((r) => r.booking);

const subjects = async (to: string) => (await listMailbox(getDb(), { to, limit: 20 })).map((m) => m.subject);

describe("booking jobs", () => {
  beforeEach(resetDatabase);

  it("serves the waitlist when a booking is cancelled, and mails each step to the person concerned", async () => {
    const { event } = await liveEvent(1);
    const first = await createTestUser();
    const second = await createTestUser();
    const booking = await book(first.actor, event.id);
    const entry = await joinWaitlist({ ctx: testCtx(second.actor), input: { eventId: event.id, quantity: 1 } });
    await runJobs();
    await cancelBooking({ ctx: testCtx(first.actor), input: { id: booking.id } });
    await runJobs();

    const [served] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(served).toMatchObject({ status: "booked", bookingId: expect.any(String) });
    const [promoted] = await getDb().select().from(bookings).where(eq(bookings.id, served!.bookingId!));
    expect(promoted).toMatchObject({ userId: second.id, source: "waitlist", status: "confirmed" });
    expect(await subjects(first.email)).toEqual(expect.arrayContaining(["Order confirmed: Harbour Lights", "Booking cancelled: Harbour Lights"]));
    expect(await subjects(second.email)).toEqual(
      expect.arrayContaining(["You're #1 on the waitlist for Harbour Lights", "You're off the waitlist: tickets for Harbour Lights"]),
    );
    // A promotion is mailed as such, not a second time as a plain confirmation.
    expect(await subjects(second.email)).not.toContain("Order confirmed: Harbour Lights");
  });

  it("cancels every booking of a cancelled event, closes its waitlist and mails each holder", async () => {
    const { event, organizer } = await liveEvent(30);
    const holders = await Promise.all(Array.from({ length: 3 }, () => createTestUser()));
    for (const h of holders) await book(h.actor, event.id, 10);
    const waiting = await createTestUser();
    await joinWaitlist({ ctx: testCtx(waiting.actor), input: { eventId: event.id, quantity: 2 } });

    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
    await expect(book(holders[0]!.actor, event.id)).rejects.toMatchObject({ code: "EVENT_NOT_BOOKABLE" });
    await runJobs();

    const left = await getDb().select().from(bookings).where(and(eq(bookings.eventId, event.id), eq(bookings.status, "confirmed")));
    expect(left).toHaveLength(0);
    const all = await getDb().select().from(bookings).where(eq(bookings.eventId, event.id));
    expect(all.every((b) => b.cancelledBy === "event_cancelled")).toBe(true);
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.id));
    expect(inv).toMatchObject({ sold: 0, status: "cancelled" });
    const [entry] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.userId, waiting.id));
    expect(entry!.status).toBe("closed");
    expect(await subjects(waiting.email)).not.toContain("Event cancelled: Harbour Lights");
    for (const h of holders) expect(await subjects(h.email)).toContain("Event cancelled: Harbour Lights");
  });

  it("works through a big event in small transactions and stops once nothing is left", async () => {
    const { event, organizer } = await liveEvent(50);
    const buyers = await Promise.all(Array.from({ length: 7 }, () => createTestUser()));
    await Promise.all(buyers.map((b) => book(b.actor, event.id, 2)));
    await cancelEvent({ ctx: testCtx(organizer.actor), input: { id: event.id } });
    const parts = [];
    for (let done = false; !done; ) {
      const part = await cancelEventBookings({ ctx: testCtx(), input: { eventId: event.id, batchSize: 3, maxBatches: 1 } });
      parts.push(part);
      done = part.done;
    }
    expect(parts).toEqual([
      { cancelled: 3, done: false },
      { cancelled: 3, done: false },
      { cancelled: 1, done: true },
    ]);
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.id));
    expect(inv!.sold).toBe(0);
  });
});
