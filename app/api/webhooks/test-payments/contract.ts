import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

export const testPaymentsWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/webhooks/test-payments",
  summary:
    "Notifications of the built-in test payment provider, signed like Stripe's (`test-payments-signature: t=<unix>,v1=<HMAC-SHA256>`): each is applied once, however often and in whatever order it arrives",
  tags: ["payments"],
  auth: "none",
  rawBody: { contentTypes: ["application/json"], description: "The notification exactly as signed" },
  responses: {
    200: {
      description: "Accepted (also when it was already applied)",
      schema: z.object({ received: z.literal(true), outcome: z.string() }),
    },
  },
  errors: [400, 401, 413],
});
