import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });
const status = z.enum(["waiting", "booked", "left", "closed"]);

const waitlistEntry = z.object({
  id: z.string(),
  eventId: z.string(),
  userId: z.string(),
  quantity: z.number().int(),
  priority: z.number().int().describe("Higher is served first; equal priorities are served in joining order"),
  position: z.number().int().nullable().describe("1 is served next; null once the entry no longer waits"),
  status,
  bookingId: z.string().nullable().describe("The booking made when the entry was served"),
  offer: z
    .object({ orderId: z.string(), status: z.enum(["awaiting_payment", "confirmed", "expired", "cancelled", "refunded"]), expiresAt: z.string() })
    .nullable()
    .describe("On a paid event the entry is served with an offer: an order to pay before expiresAt, after which its seats go to the next in line"),
  createdAt: z.string(),
});

const page = z.object({ data: z.array(waitlistEntry), nextCursor: z.string().nullable() });

const waitlistQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: status.optional(),
});

export const joinWaitlistRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/waitlist",
  summary: "Wait for seats (verified users) when the quantity cannot be booked now",
  tags: ["waitlist"],
  auth: "user",
  permission: "waitlist:join",
  params: idParams,
  body: z.object({ quantity: z.number().int().min(1).max(10) }),
  responses: { 201: { description: "The waiting entry with its position", schema: waitlistEntry } },
  errors: [401, 403, 404, 409, 422, 429],
});

export const listEventWaitlistRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/waitlist",
  summary: "An event's waitlist in serving order (owner, admin): waiting entries first",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  query: waitlistQuery,
  responses: { 200: { description: "One page", schema: page } },
  errors: [401, 403, 404, 422],
});

export const listMyWaitlistRoute = defineRoute({
  method: "GET",
  path: "/api/v1/waitlist",
  summary: "The caller's waitlist entries with their current positions, newest first",
  tags: ["waitlist"],
  auth: "user",
  query: waitlistQuery,
  responses: { 200: { description: "One page", schema: page } },
  errors: [401, 422],
});

export const changeWaitlistPriorityRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/waitlist/{id}",
  summary: "Change a waiting entry's priority (event owner, admin); audited",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  body: z.object({ priority: z.number().int().min(-1_000_000).max(1_000_000) }),
  responses: { 200: { description: "The entry with its new position", schema: waitlistEntry } },
  errors: [401, 403, 404, 409, 422],
});

export const leaveWaitlistRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/waitlist/{id}",
  summary: "Leave the waitlist (the entry's user, event owner, admin)",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  responses: { 204: { description: "No longer waiting" } },
  errors: [401, 404, 409, 429],
});
