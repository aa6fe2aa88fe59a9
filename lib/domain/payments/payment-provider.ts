/**
 * What Evently needs from whoever takes the money. The test provider and the Stripe adapter
 * (Checkout Sessions, Refunds and its webhook signature check) implement the same methods, so
 * the orchestration in lib/checkout never knows which one runs.
 */
export type CheckoutRequest = {
  orderId: string;
  amountCents: number;
  currency: string;
  /** What the buyer sees on the provider's page ("2 tickets · Jazz night"). */
  description: string;
  /** The provider's page stops taking payment when the hold ends. */
  expiresAt: Date;
  /** Where the provider sends the buyer back (the order page). */
  returnUrl: string;
};

export type RefundRequest = {
  /** The provider's id of the payment being refunded (`payments.provider_ref`). */
  paymentRef: string;
  amountCents: number;
  currency: string;
  reason: string;
  /** Sent to the provider as its idempotency key: asking twice refunds once. */
  idempotencyKey: string;
};

/** A verified notification, in Evently's words, whatever the provider called it. */
export type PaymentEvent =
  | {
      kind: "payment_succeeded";
      id: string;
      orderId: string;
      paymentRef: string;
      amountCents: number;
      currency: string;
      occurredAt: Date;
    }
  | {
      kind: "payment_failed";
      id: string;
      orderId: string;
      paymentRef: string;
      amountCents: number;
      currency: string;
      reason: string;
      occurredAt: Date;
    }
  /**
   * The provider's checkout closed unpaid (Stripe's session expired). The order's own hold ends
   * it (never later than the checkout); a payment the provider still reports is a late payment.
   */
  | { kind: "checkout_expired"; id: string; orderId: string; checkoutRef: string; occurredAt: Date }
  /**
   * Money of a payment went back, as the provider counts it (`refundedCents` is the total so far,
   * so notifications in any order or repeated say the same): refunds Evently made, or ones made
   * at the provider directly (Stripe's dashboard). `orderId` when the provider carries it.
   */
  | {
      kind: "payment_refunded";
      id: string;
      orderId: string | null;
      paymentRef: string;
      refundedCents: number;
      currency: string;
      occurredAt: Date;
    }
  /** A notification the provider sends that changes nothing here (Stripe sends many kinds). */
  | { kind: "ignored"; id: string; type: string };

export interface PaymentProvider {
  readonly name: string;
  /**
   * The hosted checkout's address when it can be known without calling the provider (the test
   * provider's page of this app); null when `createCheckout` must be called first (Stripe).
   */
  checkoutUrlFor(orderId: string): string | null;
  /** Idempotent per order: asking again for the same order gives the same checkout. */
  createCheckout(request: CheckoutRequest): Promise<{ checkoutUrl: string; providerRef: string }>;
  refund(request: RefundRequest): Promise<{ providerRef: string }>;
  /**
   * Checks that a notification really comes from the provider and parses it. Throws
   * `Unauthenticated` (401) or `BadRequest` (400, Stripe's convention) for a missing or wrong
   * signature, `BadRequest` for a body that is not a notification.
   */
  verifyNotification(rawBody: string, headers: Headers): PaymentEvent;
}
