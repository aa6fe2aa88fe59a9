import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });

const booking = z.object({
  id: z.string(),
  eventId: z.string(),
  userId: z.string(),
  quantity: z.number().int(),
  status: z.enum(["awaiting_payment", "confirmed", "expired", "cancelled", "refunded"]).describe("A booking is an order: a paid one awaits payment until expiresAt"),
  totalCents: z.number().int().describe("What the order costs, in the currency's minor units"),
  currency: z.string().describe("ISO 4217"),
  items: z.array(z.object({ id: z.string(), ticketCode: z.string().describe("20 symbols of Crockford base32: 100 random bits") })),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  source: z.enum(["direct", "waitlist"]).describe("waitlist: booked automatically when seats freed up"),
  cancelledBy: z.enum(["holder", "organizer", "admin", "event_cancelled"]).nullable(),
  expiresAt: z.string().nullable().describe("Until when an unpaid booking holds its seats; null when it never needed paying"),
});

const bookBody = z.object({ quantity: z.number().int().min(1).max(10) });

const bookingsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z.enum(["awaiting_payment", "confirmed", "expired", "cancelled", "refunded"]).optional(),
});

export const bookSeatsRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/bookings",
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
      .describe("Required. Replaying a key with the same request answers the original status and body without booking again"),
  }),
  responses: {
    201: {
      description: "The booking of the event's first on-sale ticket type: confirmed when free, else awaiting_payment (a replay of the key answers the same, with `Idempotent-Replayed: true`)",
      schema: booking,
    },
  },
  errors: [401, 403, 404, 409, 422, 428, 429],
});

export const listMyBookingsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings",
  summary: "The caller's bookings, newest first",
  tags: ["bookings"],
  auth: "user",
  query: bookingsQuery,
  responses: { 200: { description: "One page", schema: z.object({ data: z.array(booking), nextCursor: z.string().nullable() }) } },
  errors: [401, 422],
});

export const getBookingRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings/{id}",
  summary: "One booking (holder, event owner, admin; anyone else gets 404)",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The booking with its tickets", schema: booking } },
  errors: [401, 404],
});

export const cancelBookingRoute = defineRoute({
  method: "POST",
  path: "/api/v1/bookings/{id}/cancel",
  summary: "Cancel a booking (holder, event owner, admin); the seats go to the waitlist first",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The cancelled booking", schema: booking } },
  errors: [401, 404, 409, 429],
});

export const bookingAuditRoute = defineRoute({
  method: "GET",
  path: "/api/v1/bookings/{id}/audit",
  summary: "Every state change of a booking (event owner, admin)",
  tags: ["bookings"],
  auth: "user",
  params: idParams,
  responses: {
    200: {
      description: "Oldest first; actorId is null when the system acted",
      schema: z.object({
        data: z.array(z.object({ at: z.string(), action: z.string(), actorId: z.string().nullable(), before: z.unknown(), after: z.unknown() })),
      }),
    },
  },
  errors: [401, 403, 404],
});
