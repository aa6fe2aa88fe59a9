import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { refundPayment } from "@/inngest/functions/refund-payment";
import { bookSeatsWithCheckout, cancelOrder } from "@/lib/checkout";
import { getDb } from "@/lib/db/client";
import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import { bookings } from "@/lib/domain/bookings/schema";
import { publishedEvent } from "@/lib/domain/events/event-fixtures";
import { refunds } from "@/lib/domain/payments/schema";
import { env } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/drain";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { STAND_IN_KEY, STAND_IN_WEBHOOK_SECRET, startStripeStandIn, type StripeStandIn } from "@/tests/harness/stripe-stand-in";

/**
 * Stripe does the refund but its answer never arrives (a timeout): the SDK retries with the same
 * idempotency key, and when those fail too the refund job retries later, still with that key.
 * Stripe answers every retry with the first refund, so the money goes back once.
 */
let standIn: StripeStandIn;
const saved = { ...env };
const TIMEOUT_MS = 300;

beforeAll(async () => {
  standIn = await startStripeStandIn(STAND_IN_WEBHOOK_SECRET);
  Object.assign(env, { PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: STAND_IN_KEY, STRIPE_WEBHOOK_SECRET: STAND_IN_WEBHOOK_SECRET, STRIPE_API_BASE: standIn.url, STRIPE_TIMEOUT_MS: TIMEOUT_MS });
});
afterAll(async () => {
  Object.assign(env, saved);
  await standIn.close();
});

async function paidStripeOrder() {
  const organizer = await createTestUser({ role: "organizer" });
  const buyer = await createTestUser();
  // Buyers may cancel for a refund until a day before the start.
  const event = await publishedEvent(organizer.actor, { capacity: 5, priceCents: 4200, refundHoursBeforeStart: 24 });
  const { booking } = await bookSeatsWithCheckout({ ctx: testCtx(buyer.actor), input: { eventId: event.id, quantity: 1, idempotencyKey: randomUUID() } });
  const session = standIn.sessionOf(booking.id);
  const { rawBody, headers } = standIn.pay(session.id);
  const res = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: rawBody, headers }), { params: Promise.resolve({}) });
  expect(await res.json()).toMatchObject({ outcome: "confirmed" });
  return { buyer, orderId: booking.id, paymentIntent: session.payment_intent! };
}

const orderRow = async (id: string) => (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;

describe("a Stripe refund whose answer times out", () => {
  beforeEach(resetDatabase);

  it("is retried by the SDK with the same idempotency key and refunded once", async () => {
    const { buyer, orderId, paymentIntent } = await paidStripeOrder();
    standIn.holdAnswers("/v1/refunds", 1);
    const cancelled = await cancelOrder({ ctx: testCtx(buyer.actor), input: { orderId } });
    expect(cancelled.status).toBe("refunded");
    expect(standIn.requestsWithKey(`order-cancelled:${orderId}`)).toBe(2);
    expect(standIn.refunds.filter((r) => r.payment_intent === paymentIntent)).toEqual([expect.objectContaining({ amount: 4200 })]);
  });

  it("is left pending when every try times out, then made by the refund job with the same key, once", async () => {
    const { buyer, orderId, paymentIntent } = await paidStripeOrder();
    // The first call and both of the SDK's retries do the work at Stripe but are never answered.
    standIn.holdAnswers("/v1/refunds", 3);
    const answered = await cancelOrder({ ctx: testCtx(buyer.actor), input: { orderId } });
    // The order stands until its money is back.
    expect(answered.status).toBe("confirmed");
    expect(await getDb().select().from(refunds)).toMatchObject([{ orderId, status: "pending", idempotencyKey: `order-cancelled:${orderId}` }]);
    expect(standIn.requestsWithKey(`order-cancelled:${orderId}`)).toBe(3);

    await drainJobs({ db: getDb(), functions: [refundPayment], timeoutMs: 20_000 });

    const made = standIn.refunds.filter((r) => r.payment_intent === paymentIntent);
    expect(made).toEqual([expect.objectContaining({ amount: 4200 })]);
    expect(standIn.requestsWithKey(`order-cancelled:${orderId}`)).toBe(4);
    expect(await getDb().select().from(refunds)).toMatchObject([{ orderId, status: "succeeded", amountCents: 4200, providerRef: made[0]!.id }]);
    expect(await orderRow(orderId)).toMatchObject({ status: "refunded", paymentStatus: "refunded" });
  });
});
