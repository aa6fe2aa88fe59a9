import { z } from "zod";
import { createEventBody, listEventsInput, updateEventBody } from "@/lib/domain/events";
import { ACCEPTED_UPLOADS, IMAGE_WIDTHS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "@/lib/domain/media";
import { defineRoute } from "@/lib/http/contract";
import { ticketType } from "./ticket-types";

const idParams = z.object({ id: z.string() });

const coverImage = z
  .object({
    id: z.string(),
    width: z.number().int().describe("Of the original, upright"),
    height: z.number().int(),
    url: z.string().describe("The widest JPEG (an <img src>, an Open Graph image); a path on this server"),
    srcset: z.string().describe(`JPEG srcset with w descriptors, e.g. \`…/480.jpeg 480w, …/960.jpeg 960w\` (widths ${IMAGE_WIDTHS.join(", ")}, never enlarged)`),
    sources: z.array(z.object({ type: z.string(), srcset: z.string() })).describe("AVIF then WebP srcsets, for <picture><source type srcset>"),
  })
  .nullable()
  .describe("null when the event has none. Files are immutable: a new upload gets new URLs");

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
  priceCents: z.number().int().describe("The price the organizer set for the event (its single type follows it); buyers pay each ticket type's own priceCents"),
  currency: z.string().describe("ISO 4217"),
  perUserLimit: z.number().int().describe("Most seats one user may hold for this event"),
  holdMinutes: z.number().int().describe("How long an unpaid order holds its seats (1–60)"),
  ticketTypes: z.array(ticketType).describe("What the event sells now, in page order; hidden types only for the owner and admins"),
  status: z.enum(["draft", "published", "cancelled"]),
  isPast: z.boolean().describe("The event has ended (derived from endsAt, not a status)"),
  coverImage,
  isOnline: z.boolean().describe("Joined online; the link (onlineUrl on create/PATCH) is never in this JSON, it is shown to ticket holders on the event page and in their confirmation email"),
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

export const setEventCoverRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/events/{id}/cover",
  summary: "Upload the event's cover image, replacing any former one (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  rawBody: {
    contentTypes: ["image/jpeg", "image/png", "image/webp", "image/avif"],
    description:
      `The image file itself as the body (not multipart), e.g. \`curl -X PUT --data-binary @cover.jpg -H 'content-type: image/jpeg'\`. ` +
      `${ACCEPTED_UPLOADS}, at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB and ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. The type is read from the bytes; ` +
      "EXIF (camera, position) is removed and the image resized to AVIF, WebP and JPEG.",
  },
  responses: { 200: { description: "The event with its new coverImage (version unchanged)", schema: event } },
  errors: [403, 404, 409, 413, 415, 422],
});

export const removeEventCoverRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/events/{id}/cover",
  summary: "Remove the event's cover image (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The event, coverImage null", schema: event } },
  errors: [403, 404, 409],
});
