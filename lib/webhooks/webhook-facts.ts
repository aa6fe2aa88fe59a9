import type { EventData, EventName } from "@/inngest/events";
import type { WebhookEventType } from "@/lib/domain/webhooks";

/**
 * Which facts of the app become webhook messages: one line each. `organizerId` names the
 * organizer of the event the fact is about (whose endpoints hear of it); the fact's data is the
 * message's `data`. A fact another branch adds (checkin.created) is one more
 * line here once its name is in inngest/events.ts; inngest/functions/fan-out-webhook-facts.ts
 * makes one job function per line.
 */
type WebhookFact<F extends EventName> = { fact: F; type: WebhookEventType; organizerId: (data: EventData<F>) => string };

function webhookFact<F extends EventName>(fact: F, type: WebhookEventType, organizerId: (data: EventData<F>) => string): WebhookFact<F> {
  return { fact, type, organizerId };
}

export const WEBHOOK_FACTS = [
  webhookFact("event.updated", "event.updated", (d) => d.organizerId),
  webhookFact("event.cancelled", "event.cancelled", (d) => d.organizerId),
  webhookFact("order.confirmed", "order.confirmed", (d) => d.organizerId),
  webhookFact("order.cancelled", "order.cancelled", (d) => d.organizerId),
  webhookFact("order.refunded", "order.refunded", (d) => d.organizerId),
  webhookFact("checkin.created", "checkin.created", (d) => d.organizerId),
] as const;
