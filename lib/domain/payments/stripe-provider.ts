import Stripe from "stripe";
import { BadRequest } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import type { PaymentEvent, PaymentProvider } from "./payment-provider";
import { ORDER_ID_METADATA, stripeEventToPaymentEvent } from "./stripe-events";

/** Stripe's own bounds for a Checkout Session's `expires_at`: 30 minutes to 24 hours after it is made. */
const MIN_SESSION_MS = 30 * 60_000;
const MAX_SESSION_MS = 24 * 60 * 60_000;

/** The SDK's own retries of a failed call (connection error, timeout, 409/429/5xx): same request, same idempotency key. */
const NETWORK_RETRIES = 2;

let client: { stripe: Stripe; config: string } | undefined;

/** One SDK client per configuration, made on first use: only a deployment that takes Stripe payments needs the keys. */
function stripe(): Stripe {
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE: base, STRIPE_TIMEOUT_MS: timeout } = env;
  if (!key) throw new Error("STRIPE_SECRET_KEY is not set: Stripe cannot be called.");
  const config = `${key}|${base ?? ""}|${timeout}`;
  if (client?.config !== config) {
    const target = base ? new URL(base) : null;
    client = {
      config,
      stripe: new Stripe(key, {
        maxNetworkRetries: NETWORK_RETRIES,
        timeout,
        telemetry: false,
        appInfo: { name: "Evently" },
        ...(target && { host: target.hostname, port: target.port || (target.protocol === "https:" ? 443 : 80), protocol: target.protocol === "https:" ? "https" : "http" }),
      }),
    };
  }
  return client.stripe;
}

const malformed = () => new BadRequest("NOTIFICATION_MALFORMED", "The notification is not a Stripe event Evently can read.");

function webhookSecret(): string {
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error("STRIPE_WEBHOOK_SECRET is not set: Stripe notifications cannot be verified.");
  return env.STRIPE_WEBHOOK_SECRET;
}

/**
 * When the Stripe page stops taking payment. Stripe refuses a session shorter than 30 minutes,
 * and Evently's holds are usually shorter: the session then stays open 30 minutes (rounded up
 * to the minute) and a payment made after the hold ended is a late payment, which confirms the
 * order if its seats are still free and is refunded in full otherwise (handlePaymentNotification).
 */
export function sessionExpiresAt(holdEndsAt: Date, now: Date): Date {
  const earliest = Math.ceil((now.getTime() + MIN_SESSION_MS + 1_000) / 60_000) * 60_000;
  const latest = now.getTime() + MAX_SESSION_MS - 60_000;
  return new Date(Math.min(Math.max(holdEndsAt.getTime(), earliest), latest));
}

/**
 * Stripe Checkout (PAYMENT_PROVIDER=stripe): a hosted Checkout Session per order, refunds
 * through the Refunds API, notifications verified with the SDK's signature check. Every call
 * that moves money carries an idempotency key, so a retry (the SDK's own, or a job's) is
 * answered by Stripe with the first call's result.
 */
export const stripeProvider: PaymentProvider = {
  name: "stripe",

  checkoutUrlFor() {
    return null;
  },

  async createCheckout({ orderId, amountCents, currency, description, expiresAt, returnUrl }) {
    const expires = sessionExpiresAt(expiresAt, new Date());
    const metadata = { [ORDER_ID_METADATA]: orderId };
    const session = await stripe().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: amountCents, product_data: { name: description } } }],
        client_reference_id: orderId,
        metadata,
        payment_intent_data: { metadata },
        success_url: returnUrl,
        cancel_url: returnUrl,
        expires_at: Math.floor(expires.getTime() / 1000),
      },
      // Per order and session end: a retry of the same call gets the same session. The end is
      // part of the key because Stripe refuses a replayed key with other parameters.
      { idempotencyKey: `evently-checkout:${orderId}:${expires.getTime() / 1000}` },
    );
    if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
    return { checkoutUrl: session.url, providerRef: session.id };
  },

  async refund({ paymentRef, amountCents, reason, idempotencyKey }) {
    const refund = await stripe().refunds.create(
      { payment_intent: paymentRef, amount: amountCents, metadata: { evently_reason: reason.slice(0, 500) } },
      { idempotencyKey },
    );
    // `pending` is accepted (banks take time, charge.refunded follows); a refused refund must
    // not be recorded as made.
    if (refund.status === "failed" || refund.status === "canceled") {
      throw new Error(`Stripe refused refund ${refund.id}: ${refund.status} (${refund.failure_reason ?? "no reason given"}).`);
    }
    return { providerRef: refund.id };
  },

  verifyNotification(rawBody, headers): PaymentEvent {
    const signature = headers.get("stripe-signature");
    if (!signature) throw new BadRequest("SIGNATURE_MISSING", "The notification carries no Stripe-Signature header.");
    let event: Stripe.Event;
    try {
      // The static check needs only the webhook secret, not the API key.
      event = Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret());
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        const expired = /tolerance/i.test(error.message);
        throw new BadRequest(expired ? "SIGNATURE_EXPIRED" : "SIGNATURE_INVALID", expired ? "The notification signature is too old." : "The notification signature does not match.");
      }
      throw malformed();
    }
    try {
      return stripeEventToPaymentEvent(event);
    } catch {
      // Signed by Stripe but not shaped like the event it names (an API version Evently does not read).
      throw malformed();
    }
  },
};
