import { createDeliveries } from "@/lib/domain/webhooks";
import { WEBHOOK_FACTS } from "@/lib/webhooks";
import { inngest } from "../client";
import { events } from "../events";

type WebhookFact = (typeof WEBHOOK_FACTS)[number];

function fanOut(f: WebhookFact) {
  const organizerOf = f.organizerId as (data: unknown) => string;
  return inngest.createFunction(
    { id: `webhook-fan-out-${f.fact.replace(/\./g, "-")}`, retries: 20, triggers: [events[f.fact]] },
    async ({ event, step, ctx }) =>
      step.run("create-deliveries", () =>
        createDeliveries({
          ctx,
          input: {
            messageId: event.id!,
            type: f.type,
            timestamp: new Date(event.ts ?? Date.now()).toISOString(),
            organizerId: organizerOf(event.data),
            data: event.data as Record<string, unknown>,
          },
        }),
      ),
  );
}

/**
 * One job function per line of WEBHOOK_FACTS: it turns the fact into a delivery for each
 * endpoint subscribed to it, whose `webhook-id` is the fact's id. The deliveries then run as
 * deliver-webhook.
 */
export const fanOutWebhookFacts = WEBHOOK_FACTS.map(fanOut);
