import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { stripeEventToPaymentEvent } from "./stripe-events";
import { sessionExpiresAt } from "./stripe-provider";

const MINUTE = 60_000;
const now = new Date("2026-12-07T10:00:20Z");

describe("sessionExpiresAt: Stripe's 30 minutes to 24 hours around Evently's hold", () => {
  it("keeps a hold that ends 30 minutes or more from now", () => {
    const holdEnd = new Date(now.getTime() + 45 * MINUTE);
    expect(sessionExpiresAt(holdEnd, now)).toEqual(holdEnd);
  });

  it("stretches a shorter hold to just past Stripe's 30-minute minimum, on a whole minute", () => {
    const at = sessionExpiresAt(new Date(now.getTime() + 10 * MINUTE), now);
    expect(at.getTime()).toBeGreaterThan(now.getTime() + 30 * MINUTE);
    expect(at.getTime()).toBeLessThanOrEqual(now.getTime() + 32 * MINUTE);
    expect(at.getTime() % MINUTE).toBe(0);
    // A retry a few seconds later asks for the same end, so the idempotency key and its parameters agree.
    expect(sessionExpiresAt(new Date(now.getTime() + 10 * MINUTE), new Date(now.getTime() + 5_000))).toEqual(at);
  });

  it("cuts a hold longer than a day to Stripe's 24-hour maximum", () => {
    const at = sessionExpiresAt(new Date(now.getTime() + 48 * 60 * MINUTE), now);
    expect(at.getTime()).toBeLessThan(now.getTime() + 24 * 60 * MINUTE);
  });
});

describe("stripeEventToPaymentEvent", () => {
  const orderId = randomUUID();
  const session = (fields: Record<string, unknown>) =>
    ({
      id: "evt_1",
      created: 1_800_000_000,
      type: "checkout.session.completed",
      data: { object: { id: "cs_1", metadata: { evently_order_id: orderId }, payment_intent: "pi_1", payment_status: "paid", amount_total: 2500, currency: "eur", ...fields } },
    }) as unknown as Stripe.Event;

  it("reads a paid checkout as a succeeded payment of its PaymentIntent, in upper-case currency", () => {
    expect(stripeEventToPaymentEvent(session({}))).toEqual({
      kind: "payment_succeeded",
      id: "evt_1",
      orderId,
      paymentRef: "pi_1",
      amountCents: 2500,
      currency: "EUR",
      occurredAt: new Date(1_800_000_000_000),
    });
  });

  it("waits for the async result of a completed checkout that is not paid yet (a bank debit)", () => {
    expect(stripeEventToPaymentEvent(session({ payment_status: "unpaid" }))).toMatchObject({ kind: "ignored" });
  });

  it("ignores a checkout Evently did not start (no order id in its metadata)", () => {
    expect(stripeEventToPaymentEvent(session({ metadata: {} }))).toMatchObject({ kind: "ignored" });
    expect(stripeEventToPaymentEvent(session({ metadata: { evently_order_id: "not-an-id" } }))).toMatchObject({ kind: "ignored" });
  });
});
