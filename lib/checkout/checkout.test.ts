import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { deliverTestPaymentNotification } from "@/inngest/functions/deliver-test-payment-notification";
import { refundPayment } from "@/inngest/functions/refund-payment";
import { createDb, getDb } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { bookings, ticketTypes } from "@/lib/domain/bookings/schema";
import { attendee, publishedEvent } from "@/lib/domain/bookings/test-fixtures";
import { signTestNotification, type TestNotificationBody } from "@/lib/domain/payments";
import { notifications, payments, refunds } from "@/lib/domain/payments/schema";
import { drainJobs } from "@/lib/jobs/drain";
import { outbox } from "@/lib/jobs/schema";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { cancelOrder } from "./cancel-order";
import { handlePaymentNotification } from "./handle-payment-notification";
import { payTestOrder } from "./pay-test-order";
import { placeOrder } from "./place-order";

const racers = createDb(process.env.DATABASE_URL!, { max: 12 });
afterAll(() => racers.$client.end());

const paymentJobs = [deliverTestPaymentNotification, refundPayment];
const drain = () => drainJobs({ db: getDb(), functions: paymentJobs });

async function paidEvent(capacity = 10) {
  const event = await publishedEvent({ capacity, priceCents: 2500 });
  const [type] = await getDb().select().from(ticketTypes).where(eq(ticketTypes.eventId, event.eventId));
  return { ...event, ticketTypeId: type!.id };
}

async function order(buyer: UserActor, event: { eventId: string; ticketTypeId: string }, quantity = 1) {
  const { order } = await placeOrder({
    ctx: testCtx(buyer),
    input: { eventId: event.eventId, items: [{ ticketTypeId: event.ticketTypeId, quantity }], idempotencyKey: randomUUID() },
  });
  return order;
}

const orderRow = async (id: string) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;

/** The notifications the test provider queued for an order, in the order they were made. */
async function queuedNotifications(orderId: string): Promise<TestNotificationBody[]> {
  const rows = await getDb().select().from(outbox).where(eq(outbox.name, "payment.test_notification_due")).orderBy(outbox.createdAt);
  return rows.map((r) => (r.data as { body: TestNotificationBody }).body).filter((b) => b.data.orderId === orderId);
}

const deliver = (body: TestNotificationBody, db = getDb()) =>
  handlePaymentNotification({ ctx: testCtx({ type: "anonymous" }, { db }), input: { provider: "test", ...signTestNotification(body, new Date()) } });

describe("checkout with the test provider", () => {
  beforeEach(resetDatabase);

  it("places a paid order awaiting payment with the test provider's pay page as its checkout", async () => {
    const placed = await order(attendee(), await paidEvent());
    expect(placed).toMatchObject({ status: "awaiting_payment", totalCents: 2500, payment: { provider: "test", status: "pending" } });
    expect(placed.payment!.checkoutUrl).toMatch(new RegExp(`/pay/${placed.id}$`));
  });

  it("confirms an order paid with the succeeding test card once its signed notification is delivered", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    const paid = await payTestOrder({
      ctx: testCtx(buyer),
      input: { orderId: placed.id, card: { cardNumber: "4242 4242 4242 4242", expiry: "12/40", cvc: "123", name: "Ada" }, settleWithinMs: 0 },
    });
    expect(paid.outcome).toBe("succeeded");
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect(await getDb().select().from(payments)).toMatchObject([{ orderId: placed.id, status: "succeeded", amountCents: 2500 }]);
  });

  it("confirms once when the same notification arrives 6 times concurrently and again later", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    const [body] = await queuedNotifications(placed.id);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => deliver(body!, racers)));
    const late = await deliver(body!);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["confirmed", "duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]);
    expect(late.outcome).toBe("duplicate");
    expect(await orderRow(placed.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect(await getDb().$count(notifications)).toBe(1);
    const confirmedFacts = (await getDb().select().from(outbox).where(eq(outbox.name, "order.confirmed"))).filter(
      (r) => (r.data as { orderId: string }).orderId === placed.id,
    );
    expect(confirmedFacts).toHaveLength(1);
  });

  it("keeps the order confirmed when an earlier decline's notification arrives after the success's", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "declined", settleWithinMs: 0 } });
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    const [declined, succeeded] = await queuedNotifications(placed.id);
    expect(succeeded!.type).toBe("payment.succeeded");
    expect((await deliver(succeeded!)).outcome).toBe("confirmed");
    await deliver(declined!);
    expect(await orderRow(placed.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
  });

  it("records a declined card as a failed payment, keeps the hold, and confirms when the buyer then pays", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    const declined = await payTestOrder({
      ctx: testCtx(buyer),
      input: { orderId: placed.id, card: { cardNumber: "4000 0000 0000 0002", expiry: "12/40", cvc: "123", name: "Ada" } },
    });
    expect(declined).toMatchObject({ outcome: "declined", failureReason: expect.stringMatching(/declined/) });
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "awaiting_payment", paymentStatus: "failed" });
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    expect((await getDb().select().from(payments)).map((p) => p.status).sort()).toEqual(["failed", "succeeded"]);
  });

  it("refunds a payment that arrives after the hold ended and the seat went to someone else, exactly once", async () => {
    const event = await paidEvent(1);
    const buyer = attendee();
    const placed = await order(buyer, event);
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    // The hold lapses before the notification is delivered, and another buyer takes the seat.
    await getDb().update(bookings).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(bookings.id, placed.id));
    const other = await order(attendee(), event);
    expect(other.status).toBe("awaiting_payment");
    const [body] = await queuedNotifications(placed.id);
    expect((await deliver(body!)).outcome).toBe("refund_due");
    await deliver(body!);
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(await getDb().select().from(refunds)).toMatchObject([{ orderId: placed.id, status: "succeeded", amountCents: 2500 }]);
    expect(await orderRow(other.id)).toMatchObject({ status: "awaiting_payment" });
  });

  it("cancels a paid order by refunding it through the provider, once even when cancelled twice at once", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    await drain();
    // An admin: the buyer's own cancellation also depends on the event's refund window (refunds.test.ts).
    const admin = attendee({ role: "admin" });
    const results = await Promise.allSettled([
      cancelOrder({ ctx: testCtx(admin, { db: racers }), input: { orderId: placed.id } }),
      cancelOrder({ ctx: testCtx(admin, { db: racers }), input: { orderId: placed.id } }),
    ]);
    expect(results.some((r) => r.status === "fulfilled" && r.value.status === "refunded")).toBe(true);
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
    expect(await getDb().select().from(refunds)).toMatchObject([{ status: "succeeded", amountCents: 2500 }]);
  });

  it("gives back a second payment of an order already paid, and the order stays confirmed", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    // The buyer paid in a second tab before the first payment's notification arrived.
    await payTestOrder({ ctx: testCtx(buyer), input: { orderId: placed.id, outcome: "succeeded", settleWithinMs: 0 } });
    const [first, second] = await queuedNotifications(placed.id);
    expect((await deliver(first!)).outcome).toBe("confirmed");
    expect((await deliver(second!)).outcome).toBe("second_payment_refunded");
    await drain();
    expect(await orderRow(placed.id)).toMatchObject({ status: "confirmed", paymentStatus: "succeeded" });
    const secondRef = second!.data.paymentRef;
    const byRef = Object.fromEntries((await getDb().select().from(payments)).map((p) => [p.providerRef, p.status]));
    expect(byRef).toEqual({ [first!.data.paymentRef]: "succeeded", [secondRef]: "refunded" });
    expect(await getDb().select().from(refunds)).toMatchObject([{ status: "succeeded", amountCents: 2500 }]);
  });

  it("cancels an unpaid order at once without touching payments", async () => {
    const buyer = attendee();
    const placed = await order(buyer, await paidEvent());
    expect((await cancelOrder({ ctx: testCtx(buyer), input: { orderId: placed.id } })).status).toBe("cancelled");
    expect(await getDb().$count(refunds)).toBe(0);
  });

  it("lets only the buyer or an admin pay, and hides the order from strangers", async () => {
    const placed = await order(attendee(), await paidEvent());
    await expect(payTestOrder({ ctx: testCtx(attendee()), input: { orderId: placed.id, outcome: "succeeded" } })).rejects.toMatchObject({ kind: "NotFound" });
    const admin = await payTestOrder({ ctx: testCtx(attendee({ role: "admin" })), input: { orderId: placed.id, outcome: "declined" } });
    expect(admin.outcome).toBe("declined");
  });
});
