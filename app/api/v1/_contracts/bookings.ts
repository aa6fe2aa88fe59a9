import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const idParams = z.object({ id: z.string() });

const booking = component(
  "Booking",
  z.object({
    id: z.string(),
    eventId: z.string(),
    userId: z.string(),
    quantity: z.number().int(),
    status: z
      .enum([
        "awaiting_payment",
        "confirmed",
        "expired",
        "cancelled",
        "refunded",
      ])
      .describe(
        "A booking is an order: a paid one awaits payment until expiresAt",
      ),
    totalCents: z
      .number()
      .int()
      .describe("What the order costs, in the currency's minor units"),
    currency: z.string().describe("ISO 4217"),
    items: z.array(
      z.object({
        id: z.string(),
        ticketCode: z
          .string()
          .describe("20 symbols of Crockford base32: 100 random bits"),
      }),
    ),
    createdAt: z.string(),
    cancelledAt: z.string().nullable(),
    source: z
      .enum(["direct", "waitlist"])
      .describe("waitlist: booked automatically when seats freed up"),
    cancelledBy: z
      .enum(["holder", "organizer", "admin", "event_cancelled"])
      .nullable(),
    expiresAt: z
      .string()
      .nullable()
      .describe(
        "Until when an unpaid booking holds its seats; null when it never needed paying",
      ),
  }),
);

const bookingExample = {
  id: "b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  eventId: "7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a",
  userId: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  quantity: 2,
  status: "confirmed",
  totalCents: 3000,
  currency: "EUR",
  items: [
    {
      id: "11111111-2222-4333-8444-555555555555",
      ticketCode: "7QK2M9XR4TBV8WCJ3HDN",
    },
    {
      id: "66666666-7777-4888-9999-aaaaaaaaaaaa",
      ticketCode: "P5G8N2ZQ6YKT4MRX9CJB",
    },
  ],
  createdAt: "2026-12-06T12:00:00.000Z",
  cancelledAt: null,
  source: "direct",
  cancelledBy: null,
  expiresAt: null,
} as const;

const bookBody = z.object({ quantity: z.number().int().min(1).max(10) });

const bookingsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z
    .enum(["awaiting_payment", "confirmed", "expired", "cancelled", "refunded"])
    .optional(),
});

export const bookSeatsRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/bookings",
  operationId: "bookSeats",
  tokenScope: "orders:write",
  summary: "Book seats (verified users), exactly once per Idempotency-Key",
  tags: ["bookings"],
  auth: "user",
  permission: "booking:create",
  params: idParams,
  body: bookBody,
  headers: z.object({
    "Idempotency-Key": z
      .string()
      .min(1)
      .max(255)
      .describe(
        "Required. Replaying a key with the same request answers the original status and body without booking again",
      ),
  }),
  bodyExample: { quantity: 2 },
  responses: {
    201: {
      description:
        "The booking of the event's first on-sale ticket type: confirmed when free, else awaiting_payment (a replay of the key answers the same, with `Idempotent-Replayed: true`)",
      schema: booking,
      example: bookingExample,
    },
  },
  errors: {
    403: ["EMAIL_NOT_VERIFIED"],
    404: ["EVENT_NOT_FOUND"],
    409: [
      "SOLD_OUT",
      "EVENT_NOT_BOOKABLE",
      "PER_USER_LIMIT",
      "IDEMPOTENCY_KEY_IN_PROGRESS",
      "CONCURRENT_UPDATE",
    ],
    422: ["IDEMPOTENCY_KEY_REUSED"],
    428: ["IDEMPOTENCY_KEY_REQUIRED"],
    429: ["RATE_LIMITED"],
  },
});

export const listMyBookingsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings",
  operationId: "listMyBookings",
  tokenScope: "orders:read",
  summary: "The caller's bookings, newest first",
  tags: ["bookings"],
  auth: "user",
  query: bookingsQuery,
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        data: z.array(booking),
        nextCursor: z.string().nullable(),
      }),
      example: { data: [bookingExample], nextCursor: null },
    },
  },
});

export const getBookingRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings/{id}",
  operationId: "getBooking",
  tokenScope: "orders:read",
  summary: "One booking (holder, event owner, admin; anyone else gets 404)",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "The booking with its tickets",
      schema: booking,
      example: bookingExample,
    },
  },
  errors: { 404: ["NOT_FOUND"] },
});

export const cancelBookingRoute = defineRoute({
  method: "POST",
  path: "/api/v1/bookings/{id}/cancel",
  operationId: "cancelBooking",
  tokenScope: "orders:write",
  summary:
    "Cancel a booking (holder, event owner, admin); the seats go to the waitlist first",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "The cancelled booking",
      schema: booking,
      example: {
        ...bookingExample,
        status: "cancelled",
        cancelledAt: "2026-12-07T08:00:00.000Z",
        cancelledBy: "holder",
      },
    },
  },
  errors: {
    404: ["NOT_FOUND"],
    409: ["INVALID_STATE", "CONCURRENT_UPDATE"],
    429: ["RATE_LIMITED"],
  },
});

export const bookingAuditRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings/{id}/audit",
  operationId: "getBookingAudit",
  tokenScope: "orders:read",
  summary: "Every state change of a booking (event owner, admin)",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "Oldest first; actorId is null when the system acted",
      schema: z.object({
        data: z.array(
          z.object({
            at: z.string(),
            action: z.string(),
            actorId: z.string().nullable(),
            before: z.unknown(),
            after: z.unknown(),
          }),
        ),
      }),
      example: {
        data: [
          {
            at: "2026-12-06T12:00:00.000Z",
            action: "booking.confirmed",
            actorId: bookingExample.userId,
            before: null,
            after: { status: "confirmed", quantity: 2 },
          },
        ],
      },
    },
  },
  errors: { 404: ["NOT_FOUND"] },
});
