import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const idParams = z.object({ id: z.string() });

const orderStatus = z.enum([
  "awaiting_payment",
  "confirmed",
  "expired",
  "cancelled",
  "refunded",
]);

const order = component(
  "Order",
  z.object({
    id: z.string(),
    eventId: z.string(),
    userId: z.string(),
    status: orderStatus.describe(
      "awaiting_payment holds the seats until expiresAt; then expired unless paid",
    ),
    items: z.array(
      z.object({
        ticketTypeId: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        unitPriceCents: z.number().int(),
      }),
    ),
    subtotalCents: z.number().int(),
    discountCents: z.number().int(),
    totalCents: z
      .number()
      .int()
      .describe("subtotalCents − discountCents, in the currency's minor units"),
    currency: z.string().describe("ISO 4217"),
    promoCode: z.string().nullable(),
    expiresAt: z.string().nullable(),
    paidAt: z.string().nullable(),
    tickets: z.array(
      z.object({
        id: z.string(),
        ticketCode: z.string(),
        ticketTypeId: z.string(),
        checkedInAt: z.string().nullable(),
      }),
    ),
    payment: z
      .object({
        provider: z.string(),
        status: z.enum(["pending", "succeeded", "failed", "refunded"]),
        checkoutUrl: z.string().nullable(),
      })
      .nullable(),
    createdAt: z.string(),
    quantity: z.number().int(),
    cancelledAt: z.string().nullable(),
    source: z
      .enum(["direct", "waitlist"])
      .describe("waitlist: offered automatically when seats freed up"),
    cancelledBy: z
      .enum(["holder", "organizer", "admin", "event_cancelled"])
      .nullable(),
  }),
);

const EVENT_ID = "7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a";
const ADULT = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const STUDENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const ORDER_ID = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";

const orderExample = {
  id: ORDER_ID,
  eventId: EVENT_ID,
  userId: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  status: "awaiting_payment",
  items: [
    { ticketTypeId: ADULT, name: "Adult", quantity: 2, unitPriceCents: 2500 },
    {
      ticketTypeId: STUDENT,
      name: "Student",
      quantity: 1,
      unitPriceCents: 1500,
    },
  ],
  subtotalCents: 6500,
  discountCents: 650,
  totalCents: 5850,
  currency: "EUR",
  promoCode: "FRIENDS10",
  expiresAt: "2026-12-06T12:10:00.000Z",
  paidAt: null,
  tickets: [
    {
      id: "11111111-2222-4333-8444-555555555555",
      ticketCode: "7QK2M9XR4TBV8WCJ3HDN",
      ticketTypeId: ADULT,
      checkedInAt: null,
    },
    {
      id: "66666666-7777-4888-9999-aaaaaaaaaaaa",
      ticketCode: "P5G8N2ZQ6YKT4MRX9CJB",
      ticketTypeId: ADULT,
      checkedInAt: null,
    },
    {
      id: "bbbbbbbb-cccc-4ddd-8eee-ffffffffffff",
      ticketCode: "H3W7C9RM2XKP5VTQ8NJD",
      ticketTypeId: STUDENT,
      checkedInAt: null,
    },
  ],
  payment: {
    provider: "test",
    status: "pending",
    checkoutUrl: `https://tickets.example.com/pay/${ORDER_ID}`,
  },
  createdAt: "2026-12-06T12:00:00.000Z",
  quantity: 3,
  cancelledAt: null,
  source: "direct",
  cancelledBy: null,
};
const confirmedExample = {
  ...orderExample,
  status: "confirmed",
  expiresAt: null,
  paidAt: "2026-12-06T12:03:00.000Z",
  payment: { ...orderExample.payment, status: "succeeded" },
};

const placeOrderBody = z.object({
  eventId: z.string(),
  items: z
    .array(
      z.object({
        ticketTypeId: z.string(),
        quantity: z.number().int().min(1).max(10),
      }),
    )
    .min(1)
    .max(10),
  promoCode: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe("Case-insensitive"),
});

const ordersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: orderStatus.optional(),
});

export const placeOrderRoute = defineRoute({
  method: "POST",
  path: "/api/v1/orders",
  operationId: "placeOrder",
  summary:
    "Order tickets of one or more types (verified users), exactly once per Idempotency-Key",
  tags: ["orders"],
  tokenScope: "orders:write",
  auth: "user",
  permission: "booking:create",
  body: placeOrderBody,
  bodyExample: {
    eventId: EVENT_ID,
    items: [
      { ticketTypeId: ADULT, quantity: 2 },
      { ticketTypeId: STUDENT, quantity: 1 },
    ],
    promoCode: "friends10",
  },
  headers: z.object({
    "Idempotency-Key": z
      .string()
      .min(1)
      .max(255)
      .describe(
        "Required. Replaying a key with the same request answers the original status and body without ordering again",
      ),
  }),
  responses: {
    201: {
      description:
        "The order: confirmed when its total is 0, else awaiting_payment with expiresAt and payment.checkoutUrl",
      schema: order,
      example: orderExample,
    },
  },
  errors: {
    403: ["EMAIL_NOT_VERIFIED"],
    404: ["EVENT_NOT_FOUND", "TICKET_TYPE_NOT_FOUND"],
    409: [
      "SOLD_OUT",
      "TICKET_TYPE_UNAVAILABLE",
      "PER_USER_LIMIT",
      "EVENT_NOT_BOOKABLE",
      "IDEMPOTENCY_KEY_IN_PROGRESS",
      "CONCURRENT_UPDATE",
    ],
    422: ["PROMO_CODE_INVALID", "PER_ORDER_MAX", "IDEMPOTENCY_KEY_REUSED"],
    428: ["IDEMPOTENCY_KEY_REQUIRED"],
    429: ["RATE_LIMITED"],
  },
});

export const listMyOrdersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/orders",
  operationId: "listMyOrders",
  summary: "The caller's orders, newest first",
  tags: ["orders"],
  tokenScope: "orders:read",
  auth: "user",
  query: ordersQuery,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        data: z.array(order),
        nextCursor: z.string().nullable(),
      }),
      example: { data: [confirmedExample], nextCursor: null },
    },
  },
  errors: { 400: ["INVALID_CURSOR"] },
});

export const getOrderRoute = defineRoute({
  method: "GET",
  path: "/api/v1/orders/{id}",
  operationId: "getOrder",
  summary: "One order (buyer, event owner, admin; anyone else gets 404)",
  tags: ["orders"],
  tokenScope: "orders:read",
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "The order with its lines and tickets",
      schema: order,
      example: confirmedExample,
    },
  },
  errors: { 404: ["NOT_FOUND"] },
});

export const cancelOrderRoute = defineRoute({
  method: "POST",
  path: "/api/v1/orders/{id}/cancel",
  operationId: "cancelOrder",
  summary:
    "Cancel an order (buyer, event owner, admin): an unpaid one is cancelled and its seats return at once; a paid one is refunded in full",
  tags: ["orders"],
  tokenScope: "orders:write",
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "The cancelled or refunded order",
      schema: order,
      example: {
        ...orderExample,
        status: "cancelled",
        cancelledAt: "2026-12-06T12:04:00.000Z",
        cancelledBy: "holder",
      },
    },
  },
  errors: {
    404: ["NOT_FOUND"],
    409: ["INVALID_STATE", "REFUND_NOT_OFFERED", "REFUND_DEADLINE_PASSED"],
    429: ["RATE_LIMITED"],
  },
});

const refund = component(
  "Refund",
  z.object({
    id: z.string(),
    paymentId: z.string(),
    orderId: z.string(),
    provider: z.string(),
    amountCents: z.number().int().describe("Minor units of currency"),
    currency: z.string().describe("ISO 4217"),
    reason: z.string(),
    returnsOrder: z
      .boolean()
      .describe("true: the refund undid the order (tickets no longer valid, seats back on sale); false: a partial refund, tickets stay valid"),
    providerRef: z.string().nullable().describe("The provider's id of the refund, once made"),
    status: z.enum(["pending", "succeeded", "failed"]).describe("pending: recorded, the provider call is being retried"),
    createdAt: z.string(),
    succeededAt: z.string().nullable(),
  }),
);

export const refundOrderRoute = defineRoute({
  method: "POST",
  path: "/api/v1/orders/{id}/refunds",
  operationId: "refundOrder",
  summary:
    "Refund a paid order in full or in part with a reason (event owner, admin): a refund of everything left cancels the tickets and returns the seats; a partial one keeps the tickets valid",
  tags: ["orders"],
  tokenScope: "orders:write",
  auth: "user",
  params: idParams,
  body: z.object({
    amountCents: z
      .number()
      .int()
      .min(1)
      .max(100_000_000)
      .optional()
      .describe("Minor units of the order's currency; omitted: everything not yet refunded"),
    reason: z.string().min(3).max(500).describe("Shown to the buyer in the refund email"),
  }),
  bodyExample: { amountCents: 1000, reason: "The support act cancelled; part of the ticket price comes back." },
  responses: {
    201: {
      description: "The refund and the order after it",
      schema: z.object({ refund, order }),
      example: {
        refund: {
          id: "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e",
          paymentId: "6c7d8e9f-0a1b-4c2d-9e3f-4a5b6c7d8e9f",
          orderId: ORDER_ID,
          provider: "test",
          amountCents: 1000,
          currency: "EUR",
          reason: "The support act cancelled; part of the ticket price comes back.",
          returnsOrder: false,
          providerRef: "test_re_3f1c2b4a5d6e7f8091a2b3c4",
          status: "succeeded",
          createdAt: "2026-12-06T12:10:00.000Z",
          succeededAt: "2026-12-06T12:10:01.000Z",
        },
        order: confirmedExample,
      },
    },
  },
  errors: {
    403: ["FORBIDDEN"],
    404: ["NOT_FOUND"],
    409: ["ORDER_NOT_PAID", "NO_PAYMENT_TO_REFUND"],
    422: ["REFUND_EXCEEDS_PAYMENT"],
    429: ["RATE_LIMITED"],
  },
});
