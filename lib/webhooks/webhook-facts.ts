import type { EventData, EventName } from "@/inngest/events";
import type { WebhookEventType } from "@/lib/domain/webhooks";

/** What a fact must say about its event for the fan-out to know whose endpoints hear of it. */
export type FactOwnerFields = { eventId: string; organizerId: string; organizationId?: string | null };

/** The facts whose data names their event's organizer and organization. */
type OwnedFact = { [N in EventName]: EventData<N> extends FactOwnerFields ? N : never }[EventName];

/**
 * Which facts of the app become webhook messages: one line each. Every such fact names the
 * event it is about with its organization (whose endpoints hear of it) and organizer; the
 * fact's data is the message's `data`. inngest/functions/fan-out-webhook-facts.ts makes one job
 * function per line.
 */
export type WebhookFact = { fact: OwnedFact; type: WebhookEventType };

export const WEBHOOK_FACTS = [
  { fact: "event.updated", type: "event.updated" },
  { fact: "event.cancelled", type: "event.cancelled" },
  { fact: "order.confirmed", type: "order.confirmed" },
  { fact: "order.cancelled", type: "order.cancelled" },
  { fact: "order.refunded", type: "order.refunded" },
  { fact: "checkin.created", type: "checkin.created" },
] as const satisfies readonly WebhookFact[];
