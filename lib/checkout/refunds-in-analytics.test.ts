import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { applyBookingFacts } from "@/inngest/functions/apply-booking-facts";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { refundPayment } from "@/inngest/functions/refund-payment";
import { getDb } from "@/lib/db/client";
import { applyAnalyticsFacts, findAnalyticsDrift } from "@/lib/domain/analytics";
import { dailyStats, eventStats } from "@/lib/domain/analytics/schema";
import { todayUtc } from "@/lib/domain/analytics/utc-dates";
import type { UserActor } from "@/lib/domain/context";
import { bookings, ticketTypes } from "@/lib/domain/bookings/schema";
import { attendee, publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { recordProviderRefund, signTestNotification, type TestNotificationBody } from "@/lib/domain/payments";
import { payments } from "@/lib/domain/payments/schema";
import { drainJobs } from "@/lib/jobs/drain";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { handlePaymentNotification } from "./handle-payment-notification";
import { payTestOrder } from "./pay-test-order";
import { placeOrder } from "./place-order";
import { refundOrder } from "./refund-order";

const jobs = [deliverTestPaymentNotification, refundPayment, applyBookingFacts];
const drain = () => drainJobs({ db: getDb(), functions: jobs });
const admin = attendee({ role: "admin" });
const orderRow = async (id: string) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;

async function paidEvent(currency = "EUR", capacity = 10) {
  const event = await publishedEvent({ capacity, priceCents: 2500, currency });
  const [type] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  return { eventId: event.eventId, ticketTypeId: type!.id };
}

async function placed(buyer: UserActor, event: { eventId: string; ticketTypeId: string }, quantity = 1) {
  const { order } = await placeOrder({ ctx: testCtx(buyer), input: { eventId: event.eventId, items: [{ ticketTypeId: event.ticketTypeId, quantity }], idempotencyKey: randomUUID() } });
  return order;
}

async function paidOrder(event: { eventId: string; ticketTypeId: string }, quantity = 1) {
  const buyer = attendee();
  const order = await placed(buyer, event, quantity);
  await payTestOrder({ ctx: testCtx(buyer), input: { orderId: order.id, outcome: "succeeded", settleWithinMs: 0 } });
  await drain();
  expect(await orderRow(order.id)).toMatchObject({ status: "confirmed" });
  return order;
}

async function stats(eventId: string) {
  const [row] = await getDb().select().from(eventStats).where(eq(eventStats.eventId, eventId));
  return row!;
}

async function today(eventId: string) {
  const rows = await getDb().select().from(dailyStats).where(eq(dailyStats.eventId, eventId));
  return rows.find((r) => r.date === todayUtc(new Date()))!;
}

/** The notifications the test provider queued for an order, in the order they were made. */
async function queuedNotifications(orderId: string): Promise<TestNotificationBody[]> {
  const rows = await getDb().select().from(outbox).where(eq(outbox.name, "payment.test_notification_due")).orderBy(outbox.createdAt);
  return rows.map((r) => (r.data as { body: TestNotificationBody }).body).filter((b) => b.data.orderId === orderId);
}

/** Analytics agrees exactly with the bookings and payments tables, refunds and net included. */
async function expectNoDrift() {
  expect(await findAnalyticsDrift({ ctx: testCtx(), input: {} })).toMatchObject({ driftEvents: 0, details: [] });
}

describe("refunds in analytics", () => {
  beforeEach(resetDatabase);

  it("takes an order refunded 30% and then the remaining 70% off net revenue in full, and returns its seats once", async () => {
    const event = await paidEvent();
    const order = await paidOrder(event, 2);
    await refundOrder({ ctx: testCtx(admin), input: { orderId: order.id, amountCents: 1500, reason: "The support act cancelled." } });
    await drain();
    expect(await stats(event.eventId)).toMatchObject({ seatsSold: 2, grossCents: 5000, refundsCents: 1500, revenueCents: 3500 });

    await refundOrder({ ctx: testCtx(admin), input: { orderId: order.id, reason: "The show is off." } });
    await drain();
    expect(await orderRow(order.id)).toMatchObject({ status: "refunded" });
    expect(await stats(event.eventId)).toMatchObject({ seatsSold: 0, bookingsConfirmed: 0, bookingsCancelled: 1, grossCents: 5000, refundsCents: 5000, revenueCents: 0 });
    expect(await today(event.eventId)).toMatchObject({ currency: "EUR", revenueCents: 5000, seatsCancelled: 2, refundsCents: 5000 });
    await expectNoDrift();
  });

  it("takes a partial refund that keeps the tickets off net revenue and leaves the seats sold", async () => {
    const event = await paidEvent();
    const order = await paidOrder(event, 2);
    await refundOrder({ ctx: testCtx(admin), input: { orderId: order.id, amountCents: 1200, reason: "A drink voucher that never came." } });
    await drain();
    expect(await orderRow(order.id)).toMatchObject({ status: "confirmed" });
    expect(await stats(event.eventId)).toMatchObject({ seatsSold: 2, bookingsCancelled: 0, grossCents: 5000, refundsCents: 1200, revenueCents: 3800 });
    expect(await today(event.eventId)).toMatchObject({ seatsCancelled: 0, refundsCents: 1200 });
    await expectNoDrift();
  });

  it("counts money refunded at the provider directly (Stripe's dashboard) like a refund Evently made", async () => {
    const event = await paidEvent();
    const order = await paidOrder(event, 2);
    const [payment] = await getDb().select().from(payments).where(eq(payments.orderId, order.id));
    await recordProviderRefund({ ctx: testCtx(), input: { provider: "test", paymentRef: payment!.providerRef, refundedCents: 2000, at: new Date() } });
    await drain();
    expect(await stats(event.eventId)).toMatchObject({ seatsSold: 2, grossCents: 5000, refundsCents: 2000, revenueCents: 3000 });
    await expectNoDrift();
  });

  it("leaves net revenue alone when a late payment or a second payment is refunded automatically: neither was counted as a sale", async () => {
    const event = await paidEvent("EUR", 1);
    const lateBuyer = attendee();
    const late = await placed(lateBuyer, event);
    await payTestOrder({ ctx: testCtx(lateBuyer), input: { orderId: late.id, outcome: "succeeded", settleWithinMs: 0 } });
    // The hold lapses before the payment's notification arrives, and another buyer takes the seat and pays.
    await getDb().update(bookings).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(bookings.id, late.id));
    const sold = await paidOrder(event);
    expect(await orderRow(late.id)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    // The seat's buyer pays a second time as well (a second tab).
    const [first] = await queuedNotifications(sold.id);
    const second: TestNotificationBody = { ...first!, id: randomUUID(), data: { ...first!.data, paymentRef: `second-${randomUUID()}` } };
    const delivered = await handlePaymentNotification({ ctx: testCtx({ type: "anonymous" }), input: { provider: "test", ...signTestNotification(second, new Date()) } });
    expect(delivered.outcome).toBe("second_payment_refunded");
    await drain();

    const refundFacts = await getDb().select().from(outbox).where(eq(outbox.name, "payment.refunded"));
    expect(refundFacts.map((f) => (f.data as { ofSale: boolean }).ofSale)).toEqual([false, false]);
    expect(await stats(event.eventId)).toMatchObject({ seatsSold: 1, bookingsConfirmed: 1, grossCents: 2500, refundsCents: 0, revenueCents: 2500 });
    await expectNoDrift();
  });

  it("keeps three currencies apart, each event's refunds in its own", async () => {
    const events = { EUR: await paidEvent("EUR"), GBP: await paidEvent("GBP"), JPY: await paidEvent("JPY") };
    const parts = { EUR: 500, GBP: 700, JPY: 2500 } as const;
    for (const [currency, event] of Object.entries(events) as [keyof typeof parts, { eventId: string; ticketTypeId: string }][]) {
      const order = await paidOrder(event, 2);
      await refundOrder({ ctx: testCtx(admin), input: { orderId: order.id, amountCents: parts[currency], reason: "Goodwill." } });
    }
    await drain();
    for (const [currency, event] of Object.entries(events) as [keyof typeof parts, { eventId: string }][]) {
      expect(await stats(event.eventId)).toMatchObject({ currency, grossCents: 5000, refundsCents: parts[currency], revenueCents: 5000 - parts[currency] });
      expect(await today(event.eventId)).toMatchObject({ currency, refundsCents: parts[currency] });
    }
    await expectNoDrift();
  });

  it("counts a refund fact applied twice once", async () => {
    const event = await paidEvent();
    const order = await paidOrder(event, 2);
    await refundOrder({ ctx: testCtx(admin), input: { orderId: order.id, amountCents: 1000, reason: "Goodwill." } });
    await drain();
    const facts = (await getDb().select().from(outbox).where(eq(outbox.name, "payment.refunded"))).map((f) => ({ outboxId: f.id, name: f.name, data: f.data as Record<string, unknown> }));
    expect(facts).toHaveLength(1);
    expect(await applyAnalyticsFacts({ ctx: testCtx(), input: { facts } })).toEqual({ applied: 0 });
    expect(await stats(event.eventId)).toMatchObject({ grossCents: 5000, refundsCents: 1000, revenueCents: 4000 });
  });
});
