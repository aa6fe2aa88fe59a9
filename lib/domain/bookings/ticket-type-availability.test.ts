import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createTicketType } from "./create-ticket-type";
import { getSeatsAvailable } from "./get-seats-available";
import { getTicketTypesByEvent } from "./get-ticket-types-by-event";
import { bookings, eventInventory, orderLines, ticketTypes } from "./schema";
import { attendee, publishedEvent } from "./test-fixtures";

/** An unpaid order of `quantity` seats of one type, counted as sold, as the order engine leaves it. */
async function holdSeats(eventId: string, ticketTypeId: string, quantity: number, expiresAt: Date) {
  const db = getDb();
  const [order] = await db
    .insert(bookings)
    .values({ eventId, userId: randomUUID(), quantity, status: "awaiting_payment", subtotalCents: 100 * quantity, totalCents: 100 * quantity, currency: "EUR", expiresAt, paymentStatus: "pending" })
    .returning();
  await db.insert(orderLines).values({ bookingId: order!.id, ticketTypeId, name: "VIP", quantity, unitPriceCents: 100 });
  await db.update(ticketTypes).set({ sold: sql`${ticketTypes.sold} + ${quantity}` }).where(eq(ticketTypes.id, ticketTypeId));
  await db.update(eventInventory).set({ sold: sql`${eventInventory.sold} + ${quantity}` }).where(eq(eventInventory.eventId, eventId));
}

describe("ticket type availability", () => {
  beforeEach(resetDatabase);

  it("counts a live hold against the type and the event, and a lapsed one against neither before any job swept it", async () => {
    const event = await publishedEvent({ capacity: 10 });
    const owner = { ...attendee({ role: "organizer" }), userId: event.organizerId };
    const vip = await createTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, name: "VIP", priceCents: 100, capacity: 4 } });
    await holdSeats(event.eventId, vip.id, 3, new Date(Date.now() + 600_000));
    await holdSeats(event.eventId, vip.id, 1, new Date(Date.now() - 1_000));
    const ctx = testCtx();
    const types = (await getTicketTypesByEvent({ ctx, input: { eventIds: [event.eventId] } })).get(event.eventId)!;
    expect(types.map((t) => [t.name, t.seatsAvailable])).toEqual([["General admission", 7], ["VIP", 1]]);
    expect((await getSeatsAvailable({ ctx, input: { eventIds: [event.eventId] } })).get(event.eventId)).toBe(7);

    const later = testCtx(undefined, { now: () => new Date(Date.now() + 3_600_000) });
    const afterExpiry = (await getTicketTypesByEvent({ ctx: later, input: { eventIds: [event.eventId] } })).get(event.eventId)!;
    expect(afterExpiry.map((t) => t.seatsAvailable)).toEqual([10, 4]);
    expect((await getSeatsAvailable({ ctx: later, input: { eventIds: [event.eventId] } })).get(event.eventId)).toBe(10);
  });

  it("never shows a type more than the event has left, nor less than zero", async () => {
    const event = await publishedEvent({ capacity: 3 });
    const owner = { ...attendee({ role: "organizer" }), userId: event.organizerId };
    const big = await createTicketType({ ctx: testCtx(owner), input: { eventId: event.eventId, name: "Big", priceCents: 100, capacity: 50 } });
    await holdSeats(event.eventId, big.id, 3, new Date(Date.now() + 600_000));
    const types = (await getTicketTypesByEvent({ ctx: testCtx(), input: { eventIds: [event.eventId] } })).get(event.eventId)!;
    expect(types.map((t) => t.seatsAvailable)).toEqual([0, 0]);
  });
});
