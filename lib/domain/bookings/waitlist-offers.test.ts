import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { bookSeats } from "./book-seats";
import { expireOrders } from "./expire-orders";
import { joinWaitlist } from "./join-waitlist";
import { listMyWaitlist } from "./list-my-waitlist";
import { markOrderRefunded } from "./mark-order-refunded";
import { promoteWaitlist } from "./promote-waitlist";
import { bookings, eventInventory } from "./schema";
import { attendee, payFor, publishedEvent } from "./test-fixtures";

const inventory = async (eventId: string) => (await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, eventId)))[0]!;
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("waitlist offers on a paid event", () => {
  beforeEach(resetDatabase);

  it("serves the line with an offer held for payment, and when it lapses hands the seats to the next in line", async () => {
    const event = await publishedEvent({ capacity: 1, priceCents: 1000 });
    const holder = attendee();
    const { booking } = await bookSeats({ ctx: testCtx(holder), input: { eventId: event.eventId, quantity: 1, idempotencyKey: randomUUID() } });
    await payFor(booking.id);
    const [first, second] = [attendee(), attendee()];
    await joinWaitlist({ ctx: testCtx(first), input: { eventId: event.eventId, quantity: 1 } });
    await joinWaitlist({ ctx: testCtx(second), input: { eventId: event.eventId, quantity: 1 } });

    await markOrderRefunded({ ctx: testCtx(), input: { orderId: booking.id, amountCents: 1000, reason: "requested_by_customer" } });
    expect(await inventory(event.eventId)).toMatchObject({ sold: 0, held: 1 });
    const served = await promoteWaitlist({ ctx: testCtx(), input: { eventId: event.eventId } });
    expect(served.promoted).toEqual([expect.objectContaining({ userId: first.userId, status: "awaiting_payment" })]);
    const offerId = served.promoted[0]!.bookingId;
    const [offer] = await getDb().select().from(bookings).where(eq(bookings.id, offerId));
    expect(offer).toMatchObject({ status: "awaiting_payment", source: "waitlist", totalCents: 1000, paymentStatus: "pending" });
    const [mine] = (await listMyWaitlist({ ctx: testCtx(first), input: {} })).data;
    expect(mine).toMatchObject({ status: "booked", bookingId: offerId, offer: { orderId: offerId, status: "awaiting_payment", expiresAt: offer!.expiresAt!.toISOString() } });
    const [promotedFact] = await getDb().select().from(outbox).where(eq(outbox.name, "waitlist.promoted"));
    expect(promotedFact!.data).toMatchObject({ bookingId: offerId, expiresAt: offer!.expiresAt!.toISOString() });

    // Nobody pays: the hold lapses, the seat goes back to the line, and the next in line is offered it.
    const lapsed = testCtx(undefined, { now: () => later(11) });
    expect(await expireOrders({ ctx: lapsed, input: {} })).toEqual({ expired: 1 });
    expect(await inventory(event.eventId)).toMatchObject({ sold: 0, held: 1 });
    const next = await promoteWaitlist({ ctx: lapsed, input: { eventId: event.eventId } });
    expect(next.promoted).toEqual([expect.objectContaining({ userId: second.userId, status: "awaiting_payment" })]);
    const [firstNow] = (await listMyWaitlist({ ctx: testCtx(first), input: {} })).data;
    expect(firstNow!.offer).toMatchObject({ orderId: offerId, status: "expired" });
    expect((await payFor(next.promoted[0]!.bookingId)).outcome).toBe("confirmed");
    expect(await inventory(event.eventId)).toMatchObject({ sold: 1, held: 0 });
  });
});
