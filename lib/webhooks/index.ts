// Webhook sending: above the domains, like lib/notifications. The job functions in
// inngest/functions call it; the webhooks domain keeps endpoints and the delivery log.
export { deliverWebhook, deliverWebhookInput, type DeliveryResult } from "./deliver-webhook";
export { WEBHOOK_FACTS, type WebhookFact, type FactOwnerFields } from "./webhook-facts";
export { factOwner } from "./fact-owner";
export { WEBHOOK_RETRIES, WEBHOOK_RETRY_DELAYS_MS, webhookRetryDelayMs } from "./webhook-retry-schedule";
export { sendSignedMessage, DELIVERY_TIMEOUT_MS } from "./send-signed-message";
