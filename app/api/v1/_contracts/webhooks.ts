import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });
const eventType = z.enum(WEBHOOK_EVENT_TYPES);

const endpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean().describe("False once three days of failed deliveries switched it off; a test or redelivery switches it back on"),
  failingSince: z.string().nullable().describe("The first failure since the last success"),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});

const delivery = z.object({
  id: z.string(),
  webhookId: z.string().describe("The `webhook-id` header: the same for every attempt and redelivery of this fact"),
  event: z.string().describe("The message type, e.g. event.updated; webhook.test for a test message"),
  status: z.enum(["pending", "succeeded", "failed", "dead"]).describe("failed: another attempt is scheduled; dead: none will follow"),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable().describe("The receiver's HTTP status at the last attempt; null when it did not answer"),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
});

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

export const createWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks",
  summary:
    "Register a webhook endpoint (organizers, admins). Messages are signed per Standard Webhooks with the secret returned here, once, and retried for about 28 hours until a 2xx. They arrive unordered and at least once: order by the body's timestamp, drop repeats by webhook-id. In production the URL must be https and resolve to public addresses only",
  tags: ["webhooks"],
  auth: "user",
  permission: "webhook:create",
  body: z.object({
    url: z.string().min(1).max(2048),
    events: z.array(eventType).min(1).describe("The facts to receive: facts of the events you organize (admins: every event)"),
  }),
  responses: { 201: { description: "The endpoint with its `whsec_` signing secret, shown only now", schema: endpoint.extend({ secret: z.string() }) } },
  errors: [401, 403, 422],
});

export const listWebhooksRoute = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks",
  summary: "The caller's webhook endpoints, newest first, without secrets",
  tags: ["webhooks"],
  auth: "user",
  query: pageQuery,
  responses: { 200: { description: "One page", schema: z.object({ data: z.array(endpoint), nextCursor: z.string().nullable() }) } },
  errors: [401, 422],
});

export const deleteWebhookRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  summary: "Delete an endpoint and its delivery log (owner)",
  tags: ["webhooks"],
  auth: "user",
  params: idParams,
  responses: { 204: { description: "Deleted; nothing more is sent to it" } },
  errors: [401, 404],
});

export const listWebhookDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  summary: "An endpoint's delivery log, newest first (owner)",
  tags: ["webhooks"],
  auth: "user",
  params: idParams,
  query: pageQuery,
  responses: { 200: { description: "One page", schema: z.object({ data: z.array(delivery), nextCursor: z.string().nullable() }) } },
  errors: [401, 404, 422],
});

export const redeliverWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  summary: "Send a delivery again with the same webhook-id and body (owner); switches a disabled endpoint back on",
  tags: ["webhooks"],
  auth: "user",
  params: z.object({ id: z.string(), deliveryId: z.string() }),
  responses: { 202: { description: "Queued", schema: delivery } },
  errors: [401, 404],
});

export const testWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks/{id}/test",
  summary: "Send a `webhook.test` message to the endpoint (owner); switches a disabled endpoint back on",
  tags: ["webhooks"],
  auth: "user",
  params: idParams,
  responses: { 202: { description: "Queued; its delivery appears in the log", schema: delivery } },
  errors: [401, 404],
});
