import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { abandonDelivery, getDeliveryToSend, recordDeliveryAttempt } from "@/lib/domain/webhooks";
import { sendSignedMessage } from "./send-signed-message";
import { WEBHOOK_RETRIES, webhookRetryDelayMs } from "./webhook-retry-schedule";

export const deliverWebhookInput = z.object({
  deliveryId: z.uuid(),
  /** The job's attempt number (0-based): picks the wait before the next one, and the last one. */
  attempt: z.number().int().min(0),
});

export type DeliveryResult =
  | { outcome: "skipped" }
  | { outcome: "succeeded"; responseStatus: number | null }
  | { outcome: "dead"; endpointDisabled: boolean }
  | { outcome: "retry"; retryAt: Date };

/**
 * One attempt at one delivery: send it, write the attempt down, say whether and when to try
 * again. A delivery already settled (succeeded, dead) is not sent again by a stray duplicate
 * run; a redelivery puts it back to pending first. An endpoint disabled meanwhile gets nothing.
 */
export async function deliverWebhook({ ctx, input }: { ctx: Ctx; input: z.input<typeof deliverWebhookInput> }): Promise<DeliveryResult> {
  const i = deliverWebhookInput.parse(input);
  const delivery = await getDeliveryToSend({ ctx, input: { deliveryId: i.deliveryId } });
  if (!delivery || delivery.status === "succeeded" || delivery.status === "dead") return { outcome: "skipped" };
  if (!delivery.endpointEnabled) {
    await abandonDelivery({ ctx, input: { deliveryId: delivery.deliveryId, reason: "Not sent: the endpoint is disabled" } });
    return { outcome: "skipped" };
  }
  const sentAt = ctx.now();
  const sent = await sendSignedMessage({ url: delivery.url, secret: delivery.secret, messageId: delivery.messageId, body: delivery.body, sentAt });
  const last = i.attempt >= WEBHOOK_RETRIES;
  const retryAt = sent.succeeded || last ? null : new Date(sentAt.getTime() + webhookRetryDelayMs(i.attempt));
  const recorded = await recordDeliveryAttempt({
    ctx,
    input: { deliveryId: delivery.deliveryId, succeeded: sent.succeeded, responseStatus: sent.responseStatus, error: sent.error, durationMs: sent.durationMs, nextAttemptAt: retryAt },
  });
  if (!recorded) return { outcome: "skipped" };
  if (sent.succeeded) return { outcome: "succeeded", responseStatus: sent.responseStatus };
  if (!retryAt || recorded.endpointDisabled) return { outcome: "dead", endpointDisabled: recorded.endpointDisabled };
  return { outcome: "retry", retryAt };
}
