import { RetryAfterError } from "inngest";
import { deliverWebhook as deliver, WEBHOOK_RETRIES } from "@/lib/webhooks";
import { inngest } from "../client";
import { events } from "../events";

/**
 * Sends one delivery, retried on the webhook schedule (lib/webhooks/webhook-retry-schedule.ts)
 * for more than a day. Every attempt and redelivery sends the delivery's stored id and body.
 * Deliveries are unordered: each runs on its own, so a retried one arrives after newer ones;
 * receivers order by the body's `timestamp` and drop repeats by `webhook-id`. At most 10 run at
 * once per endpoint, so one slow receiver cannot take every worker.
 */
export const deliverWebhook = inngest.createFunction(
  {
    id: "deliver-webhook",
    retries: WEBHOOK_RETRIES,
    concurrency: { limit: 10, key: "event.data.endpointId" },
    triggers: [events["webhook.delivery_requested"]],
  },
  async ({ event, attempt, ctx }) => {
    const result = await deliver({ ctx, input: { deliveryId: event.data.deliveryId, attempt } });
    if (result.outcome === "retry") throw new RetryAfterError("The receiver did not accept the delivery", result.retryAt);
    ctx.log.info({ deliveryId: event.data.deliveryId, outcome: result.outcome }, "webhook.delivery_settled");
    return result;
  },
);
