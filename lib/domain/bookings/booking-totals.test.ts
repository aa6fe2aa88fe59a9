import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { bookingTotals } from "./booking-totals";
import { markOrderRefunded } from "./mark-order-refunded";
import { dailyBookingTotals } from "./daily-booking-totals";
import { joinWaitlist } from "./join-waitlist";
import { attendee, payFor, publishedEvent } from "./test-fixtures";

describe("booking totals for reconciliation", () => {
  beforeEach(resetDatabase);

  it("count what is confirmed now, what was cancelled, the money ever sold, who waits, and each day's activity", async () => {
    const event = await publishedEvent({ capacity: 4, priceCents: 1000 });
    const other = await publishedEvent({ capacity: 10 });
    const ann = attendee();
    const book = (eventId: string, quantity: number, who = attendee()) =>
      bookSeats({ ctx: testCtx(who), input: { eventId, quantity, idempotencyKey: randomUUID() } }).then(async (r) => {
        // Paid: confirmed only once the payment arrives.
        if (r.booking.status === "awaiting_payment") await payFor(r.booking.id);
        return r.booking;
      });
    const first = await book(event.eventId, 2, ann);
    await book(event.eventId, 2);
    await markOrderRefunded({ ctx: testCtx(), input: { orderId: first.id, amountCents: 2000, reason: "requested_by_customer" } });
    await book(event.eventId, 1);
    await joinWaitlist({ ctx: testCtx(attendee()), input: { eventId: event.eventId, quantity: 2 } });

    const totals = await bookingTotals({ ctx: testCtx(), input: { eventIds: [event.eventId] } });
    expect(totals).toEqual([
      { eventId: event.eventId, seatsSold: 3, bookingsConfirmed: 2, bookingsCancelled: 1, grossCents: 5000, waitlistWaiting: 1 },
    ]);
    expect(await bookingTotals({ ctx: testCtx(), input: {} })).toHaveLength(2);
    await expect(bookingTotals({ ctx: testCtx(attendee({ role: "organizer" })), input: {} })).rejects.toMatchObject({ kind: "Forbidden" });

    const today = new Date().toISOString().slice(0, 10);
    const daily = await dailyBookingTotals({ ctx: testCtx(), input: { from: today, to: today } });
    expect(daily.find((d) => d.eventId === event.eventId)).toEqual({
      date: today,
      eventId: event.eventId,
      bookings: 3,
      seatsSold: 5,
      revenueCents: 5000,
      cancellations: 1,
      seatsCancelled: 2,
      revenueCancelledCents: 2000,
    });
    expect(daily.find((d) => d.eventId === other.eventId)).toBeUndefined();
  });
});
