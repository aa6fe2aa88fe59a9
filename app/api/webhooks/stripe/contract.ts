import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

export const stripeWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/webhooks/stripe",
  operationId: "receiveStripeNotification",
  summary:
    "Stripe's webhook endpoint (PAYMENT_PROVIDER=stripe), verified with the `Stripe-Signature` header and STRIPE_WEBHOOK_SECRET: checkout.session.completed/expired/async_payment_*, payment_intent.payment_failed and charge.refunded are each applied once, however often and in whatever order they arrive; other event types are acknowledged and ignored",
  tags: ["payments"],
  auth: "none",
  tokenScope: null,
  rawBody: { contentTypes: ["application/json"], description: "The Stripe event exactly as signed" },
  responses: {
    200: {
      description: "Accepted (also when it was already applied, or is of a kind Evently does not use)",
      schema: z.object({ received: z.literal(true), outcome: z.string() }),
    },
  },
  // A bad signature is 400, as Stripe's own guide answers it.
  errors: { 400: ["SIGNATURE_MISSING", "SIGNATURE_INVALID", "SIGNATURE_EXPIRED", "NOTIFICATION_MALFORMED"] },
});
