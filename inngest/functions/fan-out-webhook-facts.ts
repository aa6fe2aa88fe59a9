import { createDeliveries } from "@/lib/domain/webhooks";
import { factOwner, WEBHOOK_FACTS, type FactOwnerFields, type WebhookFact } from "@/lib/webhooks";
import { inngest } from "../client";
import { events } from "../events";

function fanOut(f: WebhookFact) {
  return inngest.createFunction(
    { id: `webhook-fan-out-${f.fact.replace(/\./g, "-")}`, retries: 20, triggers: [events[f.fact]] },
    async ({ event, step, ctx }) =>
      step.run("create-deliveries", async () => {
        const data = event.data as FactOwnerFields & Record<string, unknown>;
        const owner = await factOwner(ctx, data);
        if (!owner) {
          ctx.log.warn({ fact: f.fact, eventId: data.eventId }, "webhook.fan_out_skipped_event_gone");
          return { created: 0 };
        }
        return createDeliveries({
          ctx,
          input: { messageId: event.id!, type: f.type, timestamp: new Date(event.ts ?? Date.now()).toISOString(), ...owner, data },
        });
      }),
  );
}

/**
 * One job function per line of WEBHOOK_FACTS: it turns the fact into a delivery for each
 * endpoint of the fact's organization subscribed to it (and every admin endpoint), whose
 * `webhook-id` is the fact's id. The deliveries then run as deliver-webhook.
 */
export const fanOutWebhookFacts = WEBHOOK_FACTS.map(fanOut);
