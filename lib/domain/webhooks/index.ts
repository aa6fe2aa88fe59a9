// Webhooks: endpoints and their delivery log. Sending (HTTP, signing, the SSRF guard at send
// time) sits above the domains in lib/webhooks; the job functions call both.
export { createEndpoint, createEndpointInput } from "./create-endpoint";
export { listEndpoints, listEndpointsInput } from "./list-endpoints";
export { getEndpoint, getEndpointInput } from "./get-endpoint";
export { deleteEndpoint, deleteEndpointInput } from "./delete-endpoint";
export { listDeliveries, listDeliveriesInput } from "./list-deliveries";
export { redeliver, redeliverInput } from "./redeliver";
export { sendTestMessage, sendTestMessageInput } from "./send-test-message";
export { createDeliveries, createDeliveriesInput } from "./create-deliveries";
export { getDeliveryToSend, getDeliveryToSendInput, type DeliveryToSend } from "./get-delivery-to-send";
export { recordDeliveryAttempt, recordDeliveryAttemptInput } from "./record-delivery-attempt";
export { abandonDelivery, abandonDeliveryInput } from "./abandon-delivery";
export { purgeWebhookDeliveries, purgeWebhookDeliveriesInput } from "./purge-webhook-deliveries";
export { WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE, DISABLE_AFTER_FAILING_MS, type WebhookEventType } from "./event-types";
export { webhookEvents } from "./events";
export type { EndpointView, DeliveryView } from "./endpoint-view";
export type { DeliveryStatus } from "./schema";
