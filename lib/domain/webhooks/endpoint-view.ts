import type { DeliveryRow, EndpointRow } from "./schema";

/** An endpoint as its managers see it in lists: never the secret. */
export function toEndpointView(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.eventTypes,
    organizationId: row.organizationId,
    enabled: row.enabled,
    failingSince: row.failingSince?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type EndpointView = ReturnType<typeof toEndpointView>;

/** One line of the delivery log. `event` is the type, as API.md names the field. */
export function toDeliveryView(row: DeliveryRow) {
  return {
    id: row.id,
    webhookId: row.messageId,
    event: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    durationMs: row.lastDurationMs,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type DeliveryView = ReturnType<typeof toDeliveryView>;
