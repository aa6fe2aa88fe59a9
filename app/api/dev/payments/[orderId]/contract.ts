import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

export const devPayOrderRoute = defineRoute({
  method: "POST",
  path: "/api/dev/payments/{orderId}",
  summary:
    "Pays an order with the test provider, as its pay page does, for scripts: `succeeded` confirms it (through the same signed notification), `declined` records a refused card. Only with PAYMENT_PROVIDER=test; for the buyer or an admin",
  tags: ["payments"],
  auth: "user",
  params: z.object({ orderId: z.string() }),
  body: z.object({ outcome: z.enum(["succeeded", "declined"]) }),
  responses: {
    200: {
      description: "The payment's outcome and the order as it stands after a short wait for the notification",
      schema: z.object({
        outcome: z.enum(["succeeded", "declined"]),
        failureReason: z.string().nullable(),
        order: z.object({ id: z.string(), status: z.string() }).loose(),
      }),
    },
  },
  errors: [401, 403, 404, 409, 422],
});
