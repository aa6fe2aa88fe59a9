import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const idParams = z.object({ id: z.string() });
const eventType = z.enum(WEBHOOK_EVENT_TYPES);

const endpoint = component(
  "WebhookEndpoint",
  z.object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    organizationId: z
      .string()
      .nullable()
      .describe("The organization it belongs to and hears about; null for an admin's endpoint, which hears about every event"),
    enabled: z
      .boolean()
      .describe(
        "False once three days of failed deliveries switched it off; a test or redelivery switches it back on",
      ),
    failingSince: z
      .string()
      .nullable()
      .describe("The first failure since the last success"),
    disabledAt: z.string().nullable(),
    createdAt: z.string(),
  }),
);

const delivery = component(
  "WebhookDelivery",
  z.object({
    id: z.string(),
    webhookId: z
      .string()
      .describe(
        "The `webhook-id` header: the same for every attempt and redelivery of this fact",
      ),
    event: z
      .string()
      .describe(
        "The message type, e.g. event.updated; webhook.test for a test message",
      ),
    status: z
      .enum(["pending", "succeeded", "failed", "dead"])
      .describe("failed: another attempt is scheduled; dead: none will follow"),
    attempts: z.number().int(),
    responseStatus: z
      .number()
      .int()
      .nullable()
      .describe(
        "The receiver's HTTP status at the last attempt; null when it did not answer",
      ),
    lastError: z.string().nullable(),
    lastAttemptAt: z.string().nullable(),
    durationMs: z.number().int().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
  }),
);

const endpointExample = {
  id: "5d1c8a0e-7b4f-4f0a-9a53-1f1e2d3c4b5a",
  url: "https://crm.example.com/hooks/evently",
  events: ["event.updated", "event.cancelled"],
  organizationId: "0b8f6c2e-4d1a-4e7b-9c3f-2a5d6e7f8091",
  enabled: true,
  failingSince: null,
  disabledAt: null,
  createdAt: "2026-12-01T09:00:00.000Z",
};

const deliveryExample = {
  id: "8e2f4c61-3a7b-4d9e-b1c0-6f5a4e3d2c1b",
  webhookId: "msg_2f4c613a7b4d9eb1c06f5a4e",
  event: "event.updated",
  status: "succeeded",
  attempts: 1,
  responseStatus: 200,
  lastError: null,
  lastAttemptAt: "2026-12-01T09:00:01.000Z",
  durationMs: 84,
  nextAttemptAt: null,
  createdAt: "2026-12-01T09:00:00.000Z",
};

const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

export const createWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks",
  operationId: "createWebhook",
  summary:
    "Register a webhook endpoint in one of your organizations (owners and managers; admins). Messages are signed per Standard Webhooks with the secret returned here, once, and retried for about 28 hours until a 2xx. They arrive unordered and at least once: order by the body's timestamp, drop repeats by webhook-id. In production the URL must be https and resolve to public addresses only",
  tags: ["webhooks"],
  auth: "user",
  // An integration registers its own endpoint with its token (a scope beyond API.md's list).
  tokenScope: "webhooks:write",
  permission: "webhook:manage",
  body: z.object({
    url: z.string().min(1).max(2048),
    events: z
      .array(eventType)
      .min(1)
      .describe(
        "The facts to receive: facts of the organization's events (an admin's endpoint without an organization: every event)",
      ),
    organizationId: z
      .uuid()
      .optional()
      .describe(
        "The organization it belongs to; omitted: your first organization where you may manage webhooks",
      ),
  }),
  bodyExample: {
    url: "https://crm.example.com/hooks/evently",
    events: ["event.updated", "event.cancelled"],
  },
  responses: {
    201: {
      description:
        "The endpoint with its `whsec_` signing secret, shown only now",
      schema: endpoint.extend({ secret: z.string() }),
      example: {
        ...endpointExample,
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      },
    },
  },
  errors: { 403: ["EMAIL_NOT_VERIFIED"], 422: ["WEBHOOK_URL_REFUSED"] },
});

export const listWebhooksRoute = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks",
  operationId: "listWebhooks",
  summary:
    "The webhook endpoints of the organizations where the caller may manage webhooks (owners, managers), newest first, without secrets",
  tags: ["webhooks"],
  auth: "user",
  tokenScope: "webhooks:write",
  query: pageQuery,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        data: z.array(endpoint),
        nextCursor: z.string().nullable(),
      }),
      example: { data: [endpointExample], nextCursor: null },
    },
  },
  errors: { 400: ["INVALID_CURSOR"] },
});

export const deleteWebhookRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  operationId: "deleteWebhook",
  summary: "Delete an endpoint and its delivery log (the organization's owners and managers)",
  tags: ["webhooks"],
  auth: "user",
  tokenScope: "webhooks:write",
  params: idParams,
  responses: { 204: { description: "Deleted; nothing more is sent to it" } },
  errors: { 404: ["WEBHOOK_NOT_FOUND"] },
});

export const listWebhookDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "An endpoint's delivery log, newest first (the organization's owners and managers)",
  tags: ["webhooks"],
  auth: "user",
  tokenScope: "webhooks:write",
  params: idParams,
  query: pageQuery,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        data: z.array(delivery),
        nextCursor: z.string().nullable(),
      }),
      example: { data: [deliveryExample], nextCursor: null },
    },
  },
  errors: { 400: ["INVALID_CURSOR"], 404: ["WEBHOOK_NOT_FOUND"] },
});

export const redeliverWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
  operationId: "redeliverWebhookDelivery",
  summary:
    "Send a delivery again with the same webhook-id and body (the organization's owners and managers); switches a disabled endpoint back on",
  tags: ["webhooks"],
  auth: "user",
  tokenScope: "webhooks:write",
  params: z.object({ id: z.string(), deliveryId: z.string() }),
  responses: {
    202: {
      description: "Queued",
      schema: delivery,
      example: { ...deliveryExample, status: "pending", attempts: 1 },
    },
  },
  errors: { 404: ["WEBHOOK_NOT_FOUND", "DELIVERY_NOT_FOUND"] },
});

export const testWebhookRoute = defineRoute({
  method: "POST",
  path: "/api/v1/webhooks/{id}/test",
  operationId: "testWebhook",
  summary:
    "Send a `webhook.test` message to the endpoint (the organization's owners and managers); switches a disabled endpoint back on",
  tags: ["webhooks"],
  auth: "user",
  tokenScope: "webhooks:write",
  params: idParams,
  responses: {
    202: {
      description: "Queued; its delivery appears in the log",
      schema: delivery,
      example: {
        ...deliveryExample,
        event: "webhook.test",
        status: "pending",
        attempts: 0,
        responseStatus: null,
        lastAttemptAt: null,
        durationMs: null,
      },
    },
  },
  errors: { 404: ["WEBHOOK_NOT_FOUND"] },
});
