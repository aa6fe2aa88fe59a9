import type { WebhookEventType } from "@/lib/domain/webhooks";

/** What each message type means, in the words the page uses. */
export const EVENT_TYPE_LABELS: Record<WebhookEventType | "webhook.test", string> = {
  "order.confirmed": "An order is confirmed",
  "order.cancelled": "An order is cancelled",
  "order.refunded": "An order is refunded",
  "event.updated": "An event is changed",
  "event.cancelled": "An event is cancelled",
  "checkin.created": "A ticket is checked in",
  "webhook.test": "Test message",
};

export function eventTypeLabel(type: string): string {
  return (EVENT_TYPE_LABELS as Record<string, string>)[type] ?? type;
}
