import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { cancelOrder } from "./cancel-order";
import { confirmOrderPayment } from "./confirm-order-payment";
import { expireOrders } from "./expire-orders";
import { getSeatsAvailable } from "./get-seats-available";
import { getTicketTypeAvailability } from "./get-ticket-type-availability";
import { placeOrder } from "./place-order";
import { bookingItems, bookings, eventInventory, orderLines, promoCodes, ticketTypes } from "./schema";
import { attendee, generalAdmission, promoCode, publishedEvent, ticketType } from "./test-fixtures";

// Racing needs its own connections beside the worker's shared pool; few enough to fit beside other test files.
const racers = createDb(process.env.DATABASE_URL!, { max: 24 });
afterAll(() => racers.$client.end());

const payment = { provider: "test", checkoutUrl: null };
type Item = { ticketTypeId: string; quantity: number };

const order = (actor: UserActor, eventId: string, items: Item[], opts: { promoCode?: string; db?: typeof racers; now?: Date; key?: string } = {}) =>
  placeOrder({
    ctx: testCtx(actor, { db: opts.db ?? getDb(), ...(opts.now ? { now: () => opts.now! } : {}) }),
    input: { eventId, items, promoCode: opts.promoCode, idempotencyKey: opts.key ?? randomUUID(), payment },
  });

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "placed",
    (e: { code?: string }) => e.code ?? String(e),
  );

const system = () => testCtx();
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function inventory(eventId: string) {
  const [row] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, eventId));
  return row!;
}
async function soldOf(typeId: string) {
  const [row] = await getDb().select({ sold: ticketTypes.sold }).from(ticketTypes).where(eq(ticketTypes.id, typeId));
  return row!.sold;
}
/** Seats per type counted from the orders that hold seats: what every counter must agree with. */
async function heldByOrders(eventId: string) {
  const rows = await getDb().execute<{ ticket_type_id: string; seats: number }>(sql`
    select l.ticket_type_id, sum(l.quantity)::int as seats from bookings.order_lines l join bookings.bookings b on b.id = l.booking_id
     where b.event_id = ${eventId}::uuid and b.status in ('confirmed', 'awaiting_payment') group by l.ticket_type_id`);
  return new Map(rows.map((r) => [r.ticket_type_id, r.seats]));
}

describe("placeOrder", () => {
  beforeEach(resetDatabase);

  it("prices a two-type order with a code for one type, holds it for payment and writes one line per type and one ticket per seat", async () => {
    const event = await publishedEvent({ capacity: 20, priceCents: 2000 });
    const ga = await generalAdmission(event.eventId);
    const vip = await ticketType(event.eventId, { name: "VIP", priceCents: 5000, capacity: 5 });
    await promoCode(event.eventId, { code: "VipFriends", percentOff: 20, ticketTypeIds: [vip.id] });
    const buyer = attendee();
    const { order: placed } = await order(buyer, event.eventId, [{ ticketTypeId: ga.id, quantity: 2 }, { ticketTypeId: vip.id, quantity: 1 }], { promoCode: "vipfriends" });
    expect(placed).toMatchObject({ status: "awaiting_payment", subtotalCents: 9000, discountCents: 1000, totalCents: 8000, promoCode: "vipfriends", quantity: 3, payment: { provider: "test", status: "pending" } });
    expect(placed.items).toEqual([
      { ticketTypeId: ga.id, name: "General admission", quantity: 2, unitPriceCents: 2000 },
      { ticketTypeId: vip.id, name: "VIP", quantity: 1, unitPriceCents: 5000 },
    ]);
    expect(placed.tickets.filter((t) => t.ticketTypeId === vip.id)).toHaveLength(1);
    expect(await getDb().$count(bookingItems)).toBe(3);
    expect(await getDb().$count(orderLines)).toBe(2);
    expect([await soldOf(ga.id), await soldOf(vip.id), (await inventory(event.eventId)).sold]).toEqual([2, 1, 3]);
    const [code] = await getDb().select().from(promoCodes);
    expect(code!.uses).toBe(1);
  });

  it("confirms a free order at once, and sells a hidden type only with a code that unlocks it", async () => {
    const event = await publishedEvent({ priceCents: 0 });
    const crew = await ticketType(event.eventId, { name: "Crew", priceCents: 0, hidden: true });
    await promoCode(event.eventId, { code: "CREW", percentOff: 100, ticketTypeIds: [crew.id] });
    await expect(order(attendee(), event.eventId, [{ ticketTypeId: crew.id, quantity: 1 }])).rejects.toMatchObject({ code: "TICKET_TYPE_UNAVAILABLE" });
    const { order: placed } = await order(attendee(), event.eventId, [{ ticketTypeId: crew.id, quantity: 1 }], { promoCode: "crew" });
    expect(placed).toMatchObject({ status: "confirmed", totalCents: 0, payment: null, expiresAt: null });
    await expect(order(attendee(), event.eventId, [{ ticketTypeId: crew.id, quantity: 1 }], { promoCode: "nope" })).rejects.toMatchObject({ code: "PROMO_CODE_INVALID" });
  });

  it("refuses a type outside its sale window, and one whose price changed since the cached terms at the new price", async () => {
    const event = await publishedEvent({ priceCents: 2500 });
    const early = await ticketType(event.eventId, { name: "Early bird", salesEndAt: new Date(Date.now() - 1000), salesStartAt: new Date(Date.now() - 86_400_000) });
    await expect(order(attendee(), event.eventId, [{ ticketTypeId: early.id, quantity: 1 }])).rejects.toMatchObject({ code: "TICKET_TYPE_UNAVAILABLE" });
    const ga = await generalAdmission(event.eventId);
    await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }]);
    await getDb().update(ticketTypes).set({ priceCents: 3100 }).where(eq(ticketTypes.id, ga.id));
    const { order: placed } = await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 2 }]);
    expect(placed).toMatchObject({ totalCents: 6200, items: [{ unitPriceCents: 3100 }] });
    expect(await soldOf(ga.id)).toBe(3);
  });

  it("sells 500 racing buyers across three types with overlapping quotas exactly to the event's capacity, no type over its quota and no order half taken", async () => {
    const event = await publishedEvent({ capacity: 250, perUserLimit: 10, priceCents: 2500 });
    const a = await ticketType(event.eventId, { name: "A", capacity: 100 });
    const b = await ticketType(event.eventId, { name: "B", capacity: 100 });
    const c = await ticketType(event.eventId, { name: "C", capacity: null });
    const wants: Item[][] = [
      ...Array.from({ length: 150 }, () => [{ ticketTypeId: a.id, quantity: 1 }]),
      ...Array.from({ length: 150 }, () => [{ ticketTypeId: b.id, quantity: 1 }]),
      ...Array.from({ length: 100 }, () => [{ ticketTypeId: c.id, quantity: 1 }]),
      ...Array.from({ length: 100 }, () => [{ ticketTypeId: a.id, quantity: 1 }, { ticketTypeId: b.id, quantity: 1 }]),
    ].sort(() => Math.random() - 0.5);
    const results = await Promise.all(wants.map((items) => outcome(order(attendee(), event.eventId, items, { db: racers }))));
    expect(new Set(results)).toEqual(new Set(["placed", "SOLD_OUT"]));
    // The C buyers are refused only by the event's capacity, so it must have filled: exactly 250.
    const inv = await inventory(event.eventId);
    expect(inv.sold).toBe(250);
    const [soldA, soldB, soldC] = [await soldOf(a.id), await soldOf(b.id), await soldOf(c.id)];
    expect(soldA).toBeLessThanOrEqual(100);
    expect(soldB).toBeLessThanOrEqual(100);
    expect(soldA + soldB + soldC).toBe(250);
    expect(await heldByOrders(event.eventId)).toEqual(new Map([[a.id, soldA], [b.id, soldB], [c.id, soldC]].filter(([, n]) => n !== 0) as [string, number][]));
    expect(await getDb().$count(bookingItems)).toBe(250);
    // Every two-type order has both lines or does not exist.
    const [half] = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from bookings.bookings b where (select sum(quantity) from bookings.order_lines l where l.booking_id = b.id) <> b.quantity`);
    expect(half!.n).toBe(0);
    expect(await getSeatsAvailable({ ctx: system(), input: { eventIds: [event.eventId] } })).toEqual(new Map([[event.eventId, 0]]));
  });

  it("lets exactly 5 of 50 racing orders use a 5-use code; the rest are told the code is used up and nothing of theirs is held", async () => {
    const event = await publishedEvent({ capacity: 100, priceCents: 2500 });
    const ga = await generalAdmission(event.eventId);
    await promoCode(event.eventId, { code: "FIVE", amountOffCents: 500, percentOff: null, maxUses: 5 });
    const results = await Promise.all(Array.from({ length: 50 }, () => outcome(order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { promoCode: "five", db: racers }))));
    expect(results.filter((r) => r === "placed")).toHaveLength(5);
    expect(results.filter((r) => r === "PROMO_CODE_INVALID")).toHaveLength(45);
    const [code] = await getDb().select().from(promoCodes);
    expect(code!.uses).toBe(5);
    expect((await inventory(event.eventId)).sold).toBe(5);
    expect(await getDb().$count(bookings)).toBe(5);
  });

  it("never counts a lapsed hold: availability shows it free at once, and new buyers racing the expiry job take exactly the freed seats", async () => {
    const event = await publishedEvent({ capacity: 10, priceCents: 2500 });
    const ga = await generalAdmission(event.eventId);
    await promoCode(event.eventId, { code: "ONCE", maxUses: 10 });
    for (let n = 0; n < 10; n++) await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { promoCode: "ONCE", now: minutesAgo(11) });
    expect((await inventory(event.eventId)).sold).toBe(10);
    expect(await getSeatsAvailable({ ctx: system(), input: { eventIds: [event.eventId] } })).toEqual(new Map([[event.eventId, 10]]));
    expect((await getTicketTypeAvailability({ ctx: system(), input: { eventIds: [event.eventId] } })).get(event.eventId)!.get(ga.id)).toBe(10);
    const racing = Array.from({ length: 30 }, () => outcome(order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { promoCode: "once", db: racers })));
    const sweeps = Array.from({ length: 3 }, () => expireOrders({ ctx: testCtx(undefined, { db: racers }), input: { eventId: event.eventId } }));
    const [results] = await Promise.all([Promise.all(racing), Promise.all(sweeps)]);
    expect(results.filter((r) => r === "placed")).toHaveLength(10);
    expect(results.filter((r) => r !== "placed").every((r) => r === "SOLD_OUT" || r === "PROMO_CODE_INVALID")).toBe(true);
    const statuses = await getDb().execute<{ status: string; n: number }>(sql`select status::text, count(*)::int as n from bookings.bookings group by status order by status`);
    expect(statuses).toEqual([{ status: "awaiting_payment", n: 10 }, { status: "expired", n: 10 }]);
    expect((await inventory(event.eventId)).sold).toBe(10);
    expect(await soldOf(ga.id)).toBe(10);
    const [code] = await getDb().select().from(promoCodes);
    expect(code!.uses).toBe(10);
    expect(await getDb().$count(outbox, eq(outbox.name, "order.expired"))).toBe(10);
  });

  it("confirms an expired order paid late while its seats are still free, and flags it refund_due (still expired, payment succeeded) once they are gone", async () => {
    const event = await publishedEvent({ capacity: 1, priceCents: 1500 });
    const ga = await generalAdmission(event.eventId);
    const late = await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { now: minutesAgo(11) });
    await expireOrders({ ctx: system(), input: {} });
    const paid = { provider: "test", amountCents: 1500, currency: "EUR", paidAt: new Date() };
    const first = await confirmOrderPayment({ ctx: system(), input: { orderId: late.order.id, ...paid } });
    expect(first).toMatchObject({ outcome: "confirmed", order: { status: "confirmed", payment: { status: "succeeded" } } });
    expect(await confirmOrderPayment({ ctx: system(), input: { orderId: late.order.id, ...paid } })).toMatchObject({ outcome: "already_confirmed" });
    expect((await inventory(event.eventId)).sold).toBe(1);

    const event2 = await publishedEvent({ capacity: 1, priceCents: 1500 });
    const ga2 = await generalAdmission(event2.eventId);
    const lapsed = await order(attendee(), event2.eventId, [{ ticketTypeId: ga2.id, quantity: 1 }], { now: minutesAgo(11) });
    const taker = await order(attendee(), event2.eventId, [{ ticketTypeId: ga2.id, quantity: 1 }]);
    expect(taker.order.status).toBe("awaiting_payment");
    const second = await confirmOrderPayment({ ctx: system(), input: { orderId: lapsed.order.id, ...paid } });
    expect(second).toMatchObject({ outcome: "refund_due", order: { status: "expired", payment: { status: "succeeded" } } });
    expect((await inventory(event2.eventId)).sold).toBe(1);
    expect(await heldByOrders(event2.eventId)).toEqual(new Map([[ga2.id, 1]]));
  });

  it("settles a late payment racing a new buyer for the last seat: exactly one holds it, and the other payment is flagged refund_due", async () => {
    const event = await publishedEvent({ capacity: 1, priceCents: 1500 });
    const ga = await generalAdmission(event.eventId);
    const lapsed = await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { now: minutesAgo(11) });
    await expireOrders({ ctx: system(), input: {} });
    const [pay, buy] = await Promise.all([
      confirmOrderPayment({ ctx: testCtx(undefined, { db: racers }), input: { orderId: lapsed.order.id, provider: "test", amountCents: 1500, currency: "EUR", paidAt: new Date() } }),
      outcome(order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { db: racers })),
    ]);
    expect([["confirmed", "SOLD_OUT"], ["refund_due", "placed"]]).toContainEqual([pay.outcome, buy]);
    expect((await inventory(event.eventId)).sold).toBe(1);
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, lapsed.order.id));
    expect(row!.status).toBe(pay.outcome === "confirmed" ? "confirmed" : "expired");
  });

  it("gives an abandoned order's seats and code use back at once", async () => {
    const event = await publishedEvent({ capacity: 2, priceCents: 2500 });
    const ga = await generalAdmission(event.eventId);
    await promoCode(event.eventId, { code: "ONE", maxUses: 1 });
    const buyer = attendee();
    const { order: placed } = await order(buyer, event.eventId, [{ ticketTypeId: ga.id, quantity: 2 }], { promoCode: "one" });
    await expect(order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }])).rejects.toMatchObject({ code: "SOLD_OUT" });
    const { order: cancelled, refundDue } = await cancelOrder({ ctx: testCtx(buyer), input: { orderId: placed.id } });
    expect(refundDue).toBeNull();
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledBy: "holder" });
    expect(await getSeatsAvailable({ ctx: system(), input: { eventIds: [event.eventId] } })).toEqual(new Map([[event.eventId, 2]]));
    expect((await order(attendee(), event.eventId, [{ ticketTypeId: ga.id, quantity: 1 }], { promoCode: "ONE" })).order.discountCents).toBe(250);
  });
});
