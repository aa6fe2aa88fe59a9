import { z } from "zod";
import { createEventBody, listEventsInput, updateEventBody } from "@/lib/domain/events";
import { defineRoute } from "@/lib/http/contract";

const idParams = z.object({ id: z.string() });

const event = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  venue: z.string(),
  category: z.string().describe("Lowercase free text, e.g. music, tech, food"),
  startsAt: z.string().describe("ISO 8601 UTC"),
  endsAt: z.string().describe("ISO 8601 UTC, after startsAt"),
  timezone: z.string().describe("IANA time zone the event happens in (default UTC); pages and emails show times in it"),
  capacity: z.number().int(),
  seatsAvailable: z.number().int().describe("Exact on GET /events/{id}; up to 30 s old on lists"),
  priceCents: z.number().int().describe("Price per seat in the currency's minor units"),
  currency: z.string().describe("ISO 4217"),
  perUserLimit: z.number().int().describe("Most seats one user may hold for this event"),
  status: z.enum(["draft", "published", "cancelled"]),
  isPast: z.boolean().describe("The event has ended (derived from endsAt, not a status)"),
  organizerId: z.string(),
  version: z.number().int().describe("Send it back with PATCH (optimistic locking)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events",
  summary: "Create a draft event (organizer, admin)",
  tags: ["events"],
  auth: "user",
  permission: "event:create",
  body: createEventBody,
  responses: { 201: { description: "The new draft, version 1", schema: event } },
  errors: [403],
});

export const listEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events",
  summary: "Published events, soonest first, with full-text search (q: title, venue, description) and filters",
  tags: ["events"],
  auth: "optional",
  query: listEventsInput,
  responses: {
    200: {
      description: "One page; pass nextCursor back as cursor for the next. scope=manage (auth): your own events of every status",
      schema: z.object({ data: z.array(event), nextCursor: z.string().nullable() }),
    },
  },
  errors: [401, 422],
});

export const getEventRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}",
  summary: "One event (drafts: owner and admins only)",
  tags: ["events"],
  auth: "optional",
  params: idParams,
  responses: { 200: { description: "The event with exact seatsAvailable", schema: event } },
  errors: [401, 404],
});

export const updateEventRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/events/{id}",
  summary: "Edit an event from the version you last saw (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  body: updateEventBody,
  responses: { 200: { description: "The event, version + 1", schema: event } },
  errors: [403, 404, 409],
});

export const publishEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/publish",
  summary: "Publish a draft (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The event, status published", schema: event } },
  errors: [403, 404, 409],
});

export const cancelEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/cancel",
  summary: "Cancel an event: its bookings are cancelled and holders emailed, its waitlist closed (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The event, status cancelled", schema: event } },
  errors: [403, 404, 409],
});
