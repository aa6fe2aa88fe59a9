import { z } from "zod";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const idParams = z.object({ id: z.string() });
const status = z.enum(["waiting", "booked", "left", "closed"]);

const waitlistEntry = component("WaitlistEntry", z.object({
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
}));

const entryExample = {
  id: "e7d6c5b4-a392-4817-8f6e-5d4c3b2a1908",
  eventId: "7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a",
  userId: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  quantity: 2,
  priority: 0,
  position: 3,
  status: "waiting",
  bookingId: null,
  offer: null,
  createdAt: "2026-12-06T12:00:00.000Z",
} as const;

const page = z.object({ data: z.array(waitlistEntry), nextCursor: z.string().nullable() });

const waitlistQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: status.optional(),
});

export const joinWaitlistRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/waitlist",
  operationId: "joinWaitlist",
  tokenScope: "orders:write",
  summary: "Wait for seats (verified users) when the quantity cannot be booked now",
  tags: ["waitlist"],
  auth: "user",
  permission: "waitlist:join",
  params: idParams,
  body: z.object({ quantity: z.number().int().min(1).max(10) }),
  bodyExample: { quantity: 2 },
  responses: { 201: { description: "The waiting entry with its position", schema: waitlistEntry, example: entryExample } },
  errors: { 403: ["EMAIL_NOT_VERIFIED"], 404: ["EVENT_NOT_FOUND"], 409: ["SEATS_AVAILABLE", "ALREADY_WAITLISTED", "EVENT_NOT_BOOKABLE"], 429: ["RATE_LIMITED"] },
});

export const listEventWaitlistRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/waitlist",
  operationId: "listEventWaitlist",
  tokenScope: "orders:read",
  summary: "An event's waitlist in serving order (owner, admin): waiting entries first",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  query: waitlistQuery,
  responses: { 200: { description: "One page", schema: page, example: { data: [entryExample], nextCursor: null } } },
  errors: { 404: ["EVENT_NOT_FOUND", "NOT_FOUND"] },
});

export const listMyWaitlistRoute = defineRoute({
  method: "GET",
  path: "/api/v1/waitlist",
  operationId: "listMyWaitlist",
  tokenScope: "orders:read",
  summary: "The caller's waitlist entries with their current positions, newest first",
  tags: ["waitlist"],
  auth: "user",
  query: waitlistQuery,
  responses: { 200: { description: "One page", schema: page, example: { data: [entryExample], nextCursor: null } } },
});

export const changeWaitlistPriorityRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/waitlist/{id}",
  operationId: "changeWaitlistPriority",
  tokenScope: "orders:write",
  summary: "Change a waiting entry's priority (event owner, admin); audited",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  body: z.object({ priority: z.number().int().min(-1_000_000).max(1_000_000) }),
  bodyExample: { priority: 10 },
  responses: { 200: { description: "The entry with its new position", schema: waitlistEntry, example: { ...entryExample, priority: 10, position: 1 } } },
  errors: { 404: ["NOT_FOUND"], 409: ["INVALID_STATE"] },
});

export const leaveWaitlistRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/waitlist/{id}",
  operationId: "leaveWaitlist",
  tokenScope: "orders:write",
  summary: "Leave the waitlist (the entry's user, event owner, admin)",
  tags: ["waitlist"],
  auth: "user",
  params: idParams,
  responses: { 204: { description: "No longer waiting" } },
  errors: { 404: ["NOT_FOUND"], 409: ["INVALID_STATE"], 429: ["RATE_LIMITED"] },
});
