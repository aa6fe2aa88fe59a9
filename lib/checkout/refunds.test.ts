import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { cancelEventBookingsOnCancel } from "@/inngest/functions/cancel-event-bookings";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { promoteWaitlistOnRelease } from "@/inngest/functions/promote-waitlist";
import { refundPayment } from "@/inngest/functions/refund-payment";
import { createDb, getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { joinWaitlist } from "@/lib/domain/bookings";
import { bookings, eventInventory, waitlistEntries } from "@/lib/domain/bookings/schema";
import { cancelEvent } from "@/lib/domain/events";
import { publishedEvent, resetEventsState, userActor } from "@/lib/domain/events/event-fixtures";
import { refunds } from "@/lib/domain/payments/schema";
import { drainJobs } from "@/lib/jobs/drain";
import { outbox } from "@/lib/jobs/schema";
import { testCtx } from "@/tests/harness/db";
import { cancelOrder } from "./cancel-order";
import { getOrderPayments } from "./get-order-payments";
import { payTestOrder } from "./pay-test-order";
import { placeOrder } from "./place-order";
import { refundOrder } from "./refund-order";

const racers = createDb(process.env.DATABASE_URL!, { max: 12 });
afterAll(() => racers.$client.end());

const HOUR = 3_600_000;
const jobs = [deliverTestPaymentNotification, refundPayment, promoteWaitlistOnRelease, cancelEventBookingsOnCancel];
const drain = () => drainJobs({ db: getDb(), functions: jobs });
const orderRow = async (id: string) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;

/** A published paid event of the events domain (its refund window is an event field), 25.00 EUR a ticket. */
async function paidEvent(owner: UserActor, overrides: Record<string, unknown> = {}) {
  const event = await publishedEvent(owner, { capacity: 10, priceCents: 2500, ...overrides });
  return { eventId: event.id, ticketTypeId: event.ticketTypes[0]!.id };
}

async function paidOrder(buyer: UserActor, event: { eventId: string; ticketTypeId: string }, quantity = 1) {
  const { order } = await placeOrder({ ctx: testCtx(buyer), input: { eventId: event.eventId, items: [{ ticketTypeId: event.ticketTypeId, quantity }], idempotencyKey: randomUUID() } });
  await payTestOrder({ ctx: testCtx(buyer), input: { orderId: order.id, outcome: "succeeded", settleWithinMs: 0 } });
  await drain();
  expect(await orderRow(order.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
  return order;
}

describe("refunds", () => {
  beforeEach(resetEventsState);

  it("refunds a buyer who cancels a paid order before the event's refund deadline, in full", async () => {
    const owner = userActor("organizer");
    const buyer = userActor("attendee");
    const order = await paidOrder(buyer, await paidEvent(owner, { refundHoursBeforeStart: 24 }), 2);
    const after = await cancelOrder({ ctx: testCtx(buyer), input: { orderId: order.id } });
    expect(after).toMatchObject({ status: "refunded", cancelledBy: "holder", payment: { status: "refunded" } });
    const money = await getOrderPayments({ ctx: testCtx(buyer), input: { orderId: order.id } });
    expect(money).toMatchObject({ paidCents: 5000, refundedCents: 5000, pendingRefundCents: 0, refunds: [{ amountCents: 5000, returnsOrder: true, status: "succeeded" }] });
  });

  it("refuses a buyer's cancellation of a paid order after the deadline (409) or where the event offers none, and keeps the order", async () => {
    const owner = userActor("organizer");
    const buyer = userActor("attendee");
    const late = await paidOrder(buyer, await paidEvent(owner, { refundHoursBeforeStart: 24 }));
    const twoHoursBeforeStart = new Date(new Date((await orderRow(late.id)).createdAt).getTime() + 7 * 24 * HOUR - 2 * HOUR);
    await expect(cancelOrder({ ctx: testCtx(buyer, { now: () => twoHoursBeforeStart }), input: { orderId: late.id } })).rejects.toMatchObject({
      code: "REFUND_DEADLINE_PASSED",
      kind: "Conflict",
    });
    const none = await paidOrder(buyer, await paidEvent(owner));
    await expect(cancelOrder({ ctx: testCtx(buyer), input: { orderId: none.id } })).rejects.toMatchObject({ code: "REFUND_NOT_OFFERED", kind: "Conflict" });
    expect(await orderRow(late.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect(await getDb().$count(refunds)).toBe(0);
    // The organizer is not bound by the buyer's window.
    expect(await cancelOrder({ ctx: testCtx(owner), input: { orderId: none.id } })).toMatchObject({ status: "refunded", cancelledBy: "organizer" });
  });

  it("lets the organizer refund part of an order, keeping its tickets valid, then the rest, which cancels them", async () => {
    const owner = userActor("organizer");
    const buyer = userActor("attendee");
    const order = await paidOrder(buyer, await paidEvent(owner), 2);
    const part = await refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, amountCents: 1000, reason: "The support act cancelled." } });
    expect(part.refund).toMatchObject({ amountCents: 1000, currency: "EUR", returnsOrder: false, status: "succeeded", reason: "The support act cancelled." });
    expect(part.order).toMatchObject({ status: "confirmed", tickets: [{}, {}] });
    expect(await orderRow(order.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    await expect(refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, amountCents: 4001, reason: "Too much" } })).rejects.toMatchObject({
      code: "REFUND_EXCEEDS_PAYMENT",
      kind: "Validation",
    });
    const rest = await refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, reason: "Refunding the rest." } });
    expect(rest.refund).toMatchObject({ amountCents: 4000, returnsOrder: true, status: "succeeded" });
    expect(rest.order).toMatchObject({ status: "refunded", cancelledBy: "organizer" });
    await expect(refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, amountCents: 1, reason: "Once more" } })).rejects.toMatchObject({ code: "ORDER_NOT_PAID", kind: "Conflict" });
  });

  it("never refunds more than was paid when 6 partial refunds of one order race", async () => {
    const owner = userActor("organizer");
    const order = await paidOrder(userActor("attendee"), await paidEvent(owner));
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => refundOrder({ ctx: testCtx(owner, { db: racers }), input: { orderId: order.id, amountCents: 1000, reason: "Goodwill" } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(Array(4).fill("REFUND_EXCEEDS_PAYMENT"));
    const rows = await getDb().select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(rows.map((r) => r.amountCents)).toEqual([1000, 1000]);
    expect(await orderRow(order.id)).toMatchObject({ status: "confirmed" });
  });

  it("lets only the event's organizer or an admin refund: the buyer gets 403, a stranger 404, an unpaid order 409", async () => {
    const owner = userActor("organizer");
    const buyer = userActor("attendee");
    const event = await paidEvent(owner);
    const order = await paidOrder(buyer, event);
    await expect(refundOrder({ ctx: testCtx(buyer), input: { orderId: order.id, reason: "Please" } })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(refundOrder({ ctx: testCtx(userActor("organizer")), input: { orderId: order.id, reason: "Mine?" } })).rejects.toMatchObject({ kind: "NotFound" });
    const { order: unpaid } = await placeOrder({ ctx: testCtx(buyer), input: { eventId: event.eventId, items: [{ ticketTypeId: event.ticketTypeId, quantity: 1 }], idempotencyKey: randomUUID() } });
    await expect(refundOrder({ ctx: testCtx(owner), input: { orderId: unpaid.id, reason: "Nothing paid" } })).rejects.toMatchObject({ code: "ORDER_NOT_PAID", kind: "Conflict" });
    const admin = await refundOrder({ ctx: testCtx(userActor("admin")), input: { orderId: order.id, reason: "Chargeback avoided" } });
    expect(admin.order).toMatchObject({ status: "refunded", cancelledBy: "admin" });
  });

  it("returns a fully refunded order's seats to the event and serves the waitlist with them (Hi.Events #466 class)", async () => {
    const owner = userActor("organizer");
    const event = await paidEvent(owner, { capacity: 2 });
    const order = await paidOrder(userActor("attendee"), event, 2);
    const waiting = userActor("attendee");
    const entry = await joinWaitlist({ ctx: testCtx(waiting), input: { eventId: event.eventId, quantity: 2 } });
    await refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, reason: "Double booking on our side" } });
    await drain();
    const [served] = await getDb().select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(served).toMatchObject({ status: "booked" });
    const offer = await orderRow(served!.bookingId!);
    expect(offer).toMatchObject({ userId: waiting.userId, quantity: 2, status: "awaiting_payment" });
    const [inv] = await getDb().select().from(eventInventory).where(eq(eventInventory.eventId, event.eventId));
    // The refunded seats were sold again (held for the waitlisted buyer's payment), none twice.
    expect(inv!.sold + inv!.held).toBe(2);
  });

  it("sells a fully refunded order's seats again when nobody waits", async () => {
    const owner = userActor("organizer");
    const event = await paidEvent(owner, { capacity: 1 });
    const order = await paidOrder(userActor("attendee"), event);
    await refundOrder({ ctx: testCtx(owner), input: { orderId: order.id, reason: "Refunded by the organizer" } });
    await drain();
    const again = await paidOrder(userActor("attendee"), event);
    expect(again.status).toBe("awaiting_payment");
  });

  it("refunds every paid order of a cancelled event exactly once through the cascade, and says why", async () => {
    const owner = userActor("organizer");
    const event = await paidEvent(owner, { capacity: 20 });
    const orders = [];
    for (let n = 0; n < 5; n++) orders.push(await paidOrder(userActor("attendee"), event, 1 + (n % 2)));
    await cancelEvent({ ctx: testCtx(owner), input: { id: event.eventId } });
    await drain();
    await drain();
    for (const o of orders) expect(await orderRow(o.id)).toMatchObject({ status: "refunded", paymentStatus: "refunded", cancelledBy: "event_cancelled" });
    const rows = await getDb().select().from(refunds);
    expect(rows.map((r) => r.orderId).sort()).toEqual(orders.map((o) => o.id).sort());
    expect(rows.every((r) => r.status === "succeeded" && r.reason === "The event was cancelled." && r.returnsOrder)).toBe(true);
    expect(rows.map((r) => r.amountCents).sort()).toEqual([2500, 2500, 2500, 5000, 5000]);
    const refunded = await getDb().select().from(outbox).where(eq(outbox.name, "payment.refunded"));
    expect(refunded).toHaveLength(5);
  });
});
