import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });

const orderStatus = z.enum(["awaiting_payment", "confirmed", "expired", "cancelled", "refunded"]);

const order = z.object({
  id: z.string(),
  eventId: z.string(),
  userId: z.string(),
  status: orderStatus.describe("awaiting_payment holds the seats until expiresAt; then expired unless paid"),
  items: z.array(z.object({ ticketTypeId: z.string(), name: z.string(), quantity: z.number().int(), unitPriceCents: z.number().int() })),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  totalCents: z.number().int().describe("subtotalCents − discountCents, in the currency's minor units"),
  currency: z.string().describe("ISO 4217"),
  promoCode: z.string().nullable(),
  expiresAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  tickets: z.array(z.object({ id: z.string(), ticketCode: z.string(), ticketTypeId: z.string(), checkedInAt: z.string().nullable() })),
  payment: z.object({ provider: z.string(), status: z.enum(["pending", "succeeded", "failed", "refunded"]), checkoutUrl: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  quantity: z.number().int(),
  cancelledAt: z.string().nullable(),
  source: z.enum(["direct", "waitlist"]).describe("waitlist: offered automatically when seats freed up"),
  cancelledBy: z.enum(["holder", "organizer", "admin", "event_cancelled"]).nullable(),
});

const placeOrderBody = z.object({
  eventId: z.string(),
  items: z
    .array(z.object({ ticketTypeId: z.string(), quantity: z.number().int().min(1).max(10) }))
    .min(1)
    .max(10),
  promoCode: z.string().trim().min(1).max(64).optional().describe("Case-insensitive"),
});

const ordersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: orderStatus.optional(),
});

export const placeOrderRoute = defineRoute({
  method: "POST",
  path: "/api/v1/orders",
  summary: "Order tickets of one or more types (verified users), exactly once per Idempotency-Key",
  tags: ["orders"],
  auth: "user",
  permission: "booking:create",
  body: placeOrderBody,
  headers: z.object({
    "Idempotency-Key": z.string().min(1).max(255).describe("Required. Replaying a key with the same request answers the original status and body without ordering again"),
  }),
  responses: {
    201: { description: "The order: confirmed when its total is 0, else awaiting_payment with expiresAt and payment.checkoutUrl", schema: order },
  },
  errors: [401, 403, 404, 409, 422, 428, 429],
});

export const listMyOrdersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/orders",
  summary: "The caller's orders, newest first",
  tags: ["orders"],
  auth: "user",
  query: ordersQuery,
  responses: { 200: { description: "One page", schema: z.object({ data: z.array(order), nextCursor: z.string().nullable() }) } },
  errors: [401, 422],
});

export const getOrderRoute = defineRoute({
  method: "GET",
  path: "/api/v1/orders/{id}",
  summary: "One order (buyer, event owner, admin; anyone else gets 404)",
  tags: ["orders"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The order with its lines and tickets", schema: order } },
  errors: [401, 404],
});

export const cancelOrderRoute = defineRoute({
  method: "POST",
  path: "/api/v1/orders/{id}/cancel",
  summary: "Cancel an order (buyer, event owner, admin): an unpaid one is cancelled and its seats return at once; a paid one is refunded in full",
  tags: ["orders"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The cancelled or refunded order", schema: order } },
  errors: [401, 404, 409, 429],
});
