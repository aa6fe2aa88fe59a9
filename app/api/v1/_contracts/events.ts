import { z } from "zod";
import { cancelEventBody, createEventBody, listEventsInput, updateEventBody } from "@/lib/domain/events";
import { ACCEPTED_UPLOADS, IMAGE_WIDTHS, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from "@/lib/domain/media";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";
import { ticketType } from "./ticket-types";

const idParams = z.object({ id: z.string() });

const coverImage = component(
  "CoverImage",
  z.object({
    id: z.string(),
    width: z.number().int().describe("Of the original, upright"),
    height: z.number().int(),
    url: z.string().describe("The widest JPEG (an <img src>, an Open Graph image); a path on this server"),
    srcset: z.string().describe(`JPEG srcset with w descriptors, e.g. \`…/480.jpeg 480w, …/960.jpeg 960w\` (widths ${IMAGE_WIDTHS.join(", ")}, never enlarged)`),
    sources: z.array(z.object({ type: z.string(), srcset: z.string() })).describe("AVIF then WebP srcsets, for <picture><source type srcset>"),
  }),
)
  .nullable()
  .describe("null when the event has none. Files are immutable: a new upload gets new URLs");

const event = component("Event", z.object({
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
  refundHoursBeforeStart: z
    .number()
    .int()
    .nullable()
    .describe("Buyers may cancel a paid order for a full refund until this many hours before the start; null: no self-service refunds"),
  ticketTypes: z.array(ticketType).describe("What the event sells now, in page order; hidden types only for the owner and admins"),
  status: z.enum(["draft", "published", "cancelled"]),
  isPast: z.boolean().describe("The event has ended (derived from endsAt, not a status)"),
  coverImage,
  nameChangeDeadline: z.string().nullable().describe("ISO 8601 UTC: until when buyers may change attendee names; null: until the event starts"),
  transfersAllowed: z.boolean().describe("Whether holders may transfer a ticket to another email address"),
  cancellationReason: z.string().nullable().describe("What the organizer said when cancelling; null otherwise"),
  isOnline: z.boolean().describe("Joined online; the link (onlineUrl on create/PATCH) is never in this JSON, it is shown to ticket holders on the event page and in their confirmation email"),
  organizerId: z.string().describe("The user who created the event"),
  organizationId: z.string().nullable().describe("The organization whose members manage the event; null for an event outside any"),
  version: z.number().int().describe("Send it back with PATCH (optimistic locking)"),
  createdAt: z.string(),
  updatedAt: z.string(),
}));

/** A published event as the API answers it; the other examples vary it. */
const eventExample = {
  id: "7d3f0e2a-1b4c-4d5e-8f6a-9b0c1d2e3f4a",
  title: "Lisbon JavaScript Night",
  description: "Talks and **pastéis de nata**.",
  venue: "LX Factory, Lisbon",
  category: "tech",
  startsAt: "2027-03-12T18:30:00.000Z",
  endsAt: "2027-03-12T21:30:00.000Z",
  timezone: "Europe/Lisbon",
  capacity: 120,
  seatsAvailable: 87,
  priceCents: 1500,
  currency: "EUR",
  perUserLimit: 10,
  holdMinutes: 10,
  nameChangeDeadline: null,
  transfersAllowed: false,
  cancellationReason: null,
  refundHoursBeforeStart: 48,
  ticketTypes: [
    {
      id: "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
      name: "General admission",
      description: "",
      priceCents: 1500,
      capacity: null,
      seatsAvailable: 87,
      salesStartAt: null,
      salesEndAt: null,
      perOrderMax: 10,
      hidden: false,
    },
  ],
  status: "published",
  isPast: false,
  coverImage: null,
  isOnline: false,
  organizerId: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  organizationId: "0b6e2f4a-3c5d-4e7f-8a9b-1c2d3e4f5a6b",
  version: 2,
  createdAt: "2026-12-01T09:00:00.000Z",
  updatedAt: "2026-12-01T09:05:00.000Z",
} as const;

const draftExample = { ...eventExample, status: "draft", version: 1, seatsAvailable: 120, updatedAt: eventExample.createdAt };
const createExample = {
  title: "Lisbon JavaScript Night",
  description: "Talks and **pastéis de nata**.",
  venue: "LX Factory, Lisbon",
  category: "tech",
  startsAt: "2027-03-12T18:30:00Z",
  endsAt: "2027-03-12T21:30:00Z",
  timezone: "Europe/Lisbon",
  capacity: 120,
  priceCents: 1500,
  currency: "EUR",
};

export const createEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events",
  operationId: "createEvent",
  tokenScope: "events:write",
  summary: "Create a draft event (organizer, organization owner or manager, admin) in the caller's organization or the one named",
  tags: ["events"],
  auth: "user",
  permission: "event:create",
  body: createEventBody,
  bodyExample: createExample,
  responses: { 201: { description: "The new draft, version 1", schema: event, example: draftExample } },
  errors: { 403: ["EMAIL_NOT_VERIFIED"] },
});

export const listEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events",
  operationId: "listEvents",
  tokenScope: "events:read",
  summary: "Published events, soonest first, with full-text search (q: title, venue, description) and filters",
  tags: ["events"],
  auth: "optional",
  query: listEventsInput,
  responses: {
    200: {
      description: "One page; pass nextCursor back as cursor for the next. scope=manage (auth): the events of your organizations, every status",
      schema: z.object({ data: z.array(event), nextCursor: z.string().nullable() }), example: { data: [eventExample], nextCursor: null } },
  },
  errors: { 422: ["INVALID_RANGE"] },
});

export const getEventRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}",
  operationId: "getEvent",
  tokenScope: "events:read",
  summary: "One event (drafts: owner and admins only)",
  tags: ["events"],
  auth: "optional",
  params: idParams,
  responses: { 200: { description: "The event with exact seatsAvailable", schema: event, example: eventExample } },
  errors: { 404: ["EVENT_NOT_FOUND"] },
});

export const updateEventRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/events/{id}",
  operationId: "updateEvent",
  tokenScope: "events:write",
  summary: "Edit an event from the version you last saw (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  body: updateEventBody,
  bodyExample: { version: 2, capacity: 150 },
  responses: { 200: { description: "The event, version + 1", schema: event, example: { ...eventExample, capacity: 150, seatsAvailable: 117, version: 3 } } },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["VERSION_CONFLICT", "INVALID_STATE"], 422: ["CAPACITY_BELOW_SOLD"] },
});

export const publishEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/publish",
  operationId: "publishEvent",
  tokenScope: "events:write",
  summary: "Publish a draft (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The event, status published", schema: event, example: eventExample } },
  errors: { 403: ["EMAIL_NOT_VERIFIED"], 404: ["EVENT_NOT_FOUND"], 409: ["INVALID_STATE"] },
});

export const cancelEventRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/cancel",
  operationId: "cancelEvent",
  tokenScope: "events:write",
  summary: "Cancel an event: its bookings are cancelled and holders emailed (with the reason given), its waitlist closed (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  body: cancelEventBody,
  bodyExample: { reason: "The venue flooded; we are looking for a new date." },
  responses: { 200: { description: "The event, status cancelled", schema: event, example: { ...eventExample, status: "cancelled", version: 3, cancellationReason: "The venue flooded; we are looking for a new date." } } },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["INVALID_STATE"] },
});

export const setEventCoverRoute = defineRoute({
  method: "PUT",
  path: "/api/v1/events/{id}/cover",
  operationId: "setEventCover",
  tokenScope: "events:write",
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
  responses: { 200: { description: "The event with its new coverImage (version unchanged)", schema: event, example: { ...eventExample, coverImage: { id: "c0ffee00-1234-4abc-8def-0123456789ab", width: 1920, height: 1080, url: "/api/v1/media/c0ffee00-1234-4abc-8def-0123456789ab/1920.jpeg", srcset: "/api/v1/media/c0ffee00-1234-4abc-8def-0123456789ab/480.jpeg 480w, /api/v1/media/c0ffee00-1234-4abc-8def-0123456789ab/1920.jpeg 1920w", sources: [{ type: "image/avif", srcset: "/api/v1/media/c0ffee00-1234-4abc-8def-0123456789ab/480.avif 480w" }] } } } },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["INVALID_STATE"], 413: ["PAYLOAD_TOO_LARGE", "IMAGE_TOO_MANY_PIXELS"], 415: ["UNSUPPORTED_MEDIA_TYPE"], 422: ["INVALID_IMAGE"] },
});

export const removeEventCoverRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/events/{id}/cover",
  operationId: "removeEventCover",
  tokenScope: "events:write",
  summary: "Remove the event's cover image (owner, admin)",
  tags: ["events"],
  auth: "user",
  params: idParams,
  responses: { 200: { description: "The event, coverImage null", schema: event, example: eventExample } },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["INVALID_STATE"] },
});
