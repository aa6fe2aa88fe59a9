import type Stripe from "stripe";
import type { PaymentEvent } from "./payment-provider";

/** The metadata key the adapter puts on each Checkout Session and its PaymentIntent. */
export const ORDER_ID_METADATA = "evently_order_id";

const FAILED = "The payment failed.";

/**
 * A verified Stripe event in Evently's words. Events of other kinds, and events about payments
 * Evently did not start (no order id in their metadata: another integration on the same
 * account), are `ignored`.
 */
export function stripeEventToPaymentEvent(event: Stripe.Event): PaymentEvent {
  const ignored = { kind: "ignored" as const, id: event.id, type: event.type };
  const occurredAt = new Date(event.created * 1000);
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object;
      const orderId = orderIdOf(session.metadata);
      const paymentRef = idOf(session.payment_intent);
      // `unpaid` is a completed checkout of a delayed method (a bank debit): its
      // async_payment_succeeded or _failed event follows and settles it.
      if (!orderId || !paymentRef || session.payment_status !== "paid" || session.amount_total === null) return ignored;
      return { kind: "payment_succeeded", id: event.id, orderId, paymentRef, amountCents: session.amount_total, currency: session.currency!.toUpperCase(), occurredAt };
    }
    case "checkout.session.async_payment_failed": {
      const session = event.data.object;
      const orderId = orderIdOf(session.metadata);
      const paymentIntent = idOf(session.payment_intent);
      if (!orderId || !paymentIntent) return ignored;
      return { kind: "payment_failed", id: event.id, orderId, paymentRef: failedAttemptRef(paymentIntent, event.id), amountCents: session.amount_total ?? 0, currency: session.currency!.toUpperCase(), reason: FAILED, occurredAt };
    }
    case "checkout.session.expired": {
      const session = event.data.object;
      const orderId = orderIdOf(session.metadata);
      if (!orderId) return ignored;
      return { kind: "checkout_expired", id: event.id, orderId, checkoutRef: session.id, occurredAt };
    }
    case "payment_intent.payment_failed": {
      const intent = event.data.object;
      const orderId = orderIdOf(intent.metadata);
      if (!orderId) return ignored;
      const reason = intent.last_payment_error?.message?.slice(0, 500) || FAILED;
      return { kind: "payment_failed", id: event.id, orderId, paymentRef: failedAttemptRef(intent.id, event.id), amountCents: intent.amount, currency: intent.currency.toUpperCase(), reason, occurredAt };
    }
    case "charge.refunded": {
      const charge = event.data.object;
      const paymentRef = idOf(charge.payment_intent);
      if (!paymentRef) return ignored;
      return { kind: "payment_refunded", id: event.id, orderId: orderIdOf(charge.metadata), paymentRef, refundedCents: charge.amount_refunded, currency: charge.currency.toUpperCase(), occurredAt };
    }
    default:
      return ignored;
  }
}

/**
 * A buyer whose card is declined on Stripe's page tries again on the same PaymentIntent, so the
 * intent id alone cannot name a failed attempt: a recorded failure would keep the later success
 * of the same intent from being recorded (attempts only leave `pending`). Each failure event is
 * its own attempt; the success is recorded under the intent id, which refunds are made against.
 */
function failedAttemptRef(paymentIntentId: string, eventId: string): string {
  return `${paymentIntentId}/${eventId}`;
}

function orderIdOf(metadata: Stripe.Metadata | null | undefined): string | null {
  const id = metadata?.[ORDER_ID_METADATA];
  return typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

function idOf(ref: string | { id: string } | null): string | null {
  return typeof ref === "string" ? ref : (ref?.id ?? null);
}
