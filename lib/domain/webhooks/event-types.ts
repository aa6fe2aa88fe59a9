/**
 * What an endpoint can subscribe to (API.md, Integrations). Facts of the other domains reach
 * endpoints through lib/webhooks/webhook-facts.ts, which maps each of these to the fact behind it.
 */
export const WEBHOOK_EVENT_TYPES = ["order.confirmed", "order.cancelled", "order.refunded", "event.updated", "event.cancelled", "checkin.created"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The type of the message the test-send button posts; no endpoint subscribes to it, every endpoint takes it. */
export const TEST_EVENT_TYPE = "webhook.test";

/** After failing without a single success for this long, an endpoint is disabled and its organization's owners told. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000;
