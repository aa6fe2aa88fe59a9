import { z } from "zod";
import {
  createPromoCodeBody,
  createTicketTypeBody,
  updateTicketTypeBody,
} from "@/lib/domain/bookings";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const eventParams = z.object({ id: z.string() });
const typeParams = z.object({ id: z.string(), typeId: z.string() });

/** API.md `ticketType`, as the event JSON carries it. */
export const ticketType = component(
  "TicketType",
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    priceCents: z
      .number()
      .int()
      .describe("Price per ticket in the event currency's minor units"),
    capacity: z
      .number()
      .int()
      .nullable()
      .describe(
        "This type's own quota; null: it shares the event's capacity only (which always caps the sum)",
      ),
    seatsAvailable: z
      .number()
      .int()
      .describe(
        "What can be bought now: the type's room and the event's, whichever is smaller; a lapsed unpaid hold never counts",
      ),
    salesStartAt: z.string().nullable(),
    salesEndAt: z.string().nullable(),
    perOrderMax: z.number().int(),
    hidden: z
      .boolean()
      .describe(
        "Sold only with a promo code that unlocks it; shown to the organizer and admins only",
      ),
  }),
);

/** What the organizer sees of a type: the public shape plus its place, its sales and whether it is retired. */
const managedTicketType = component(
  "ManagedTicketType",
  ticketType.extend({
    eventId: z.string(),
    position: z.number().int().describe("Order on the event page, ascending"),
    sold: z
      .number()
      .int()
      .describe("Tickets of paid and awaiting-payment orders"),
    retiredAt: z
      .string()
      .nullable()
      .describe("When its sales were stopped; orders keep it"),
  }),
);

const promoCode = component(
  "PromoCode",
  z.object({
    id: z.string(),
    eventId: z.string(),
    code: z
      .string()
      .describe("As the organizer typed it; buyers may type it in any case"),
    percentOff: z.number().int().nullable(),
    amountOffCents: z.number().int().nullable(),
    maxUses: z.number().int().nullable(),
    uses: z
      .number()
      .int()
      .describe(
        "Orders paid or awaiting payment with it; an expired or cancelled order gives its use back",
      ),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
    ticketTypeIds: z
      .array(z.string())
      .nullable()
      .describe("null: every type of the event"),
    createdAt: z.string(),
  }),
);

const EVENT_ID = "3f6c2a1e-9b8d-4c7e-a5f4-1d2e3c4b5a69";
const TYPE_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

const managedTypeExample = {
  id: TYPE_ID,
  name: "Early bird",
  description: "The first fifty seats, at a lower price.",
  priceCents: 1800,
  capacity: 50,
  seatsAvailable: 38,
  salesStartAt: null,
  salesEndAt: "2027-03-01T00:00:00.000Z",
  perOrderMax: 4,
  hidden: false,
  eventId: EVENT_ID,
  position: 0,
  sold: 12,
  retiredAt: null,
};

const promoCodeExample = {
  id: "c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e9f",
  eventId: EVENT_ID,
  code: "FRIENDS10",
  percentOff: 10,
  amountOffCents: null,
  maxUses: 100,
  uses: 7,
  validFrom: null,
  validUntil: "2027-03-01T00:00:00.000Z",
  ticketTypeIds: null,
  createdAt: "2026-12-01T09:00:00.000Z",
};

export const createTicketTypeRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/ticket-types",
  operationId: "createTicketType",
  summary: "Add a ticket type at the end of the event's list (owner, admin)",
  tags: ["ticket types"],
  tokenScope: "events:write",
  auth: "user",
  params: eventParams,
  body: createTicketTypeBody,
  bodyExample: {
    name: "Early bird",
    description: "The first fifty seats, at a lower price.",
    priceCents: 1800,
    capacity: 50,
    salesEndAt: "2027-03-01T00:00:00Z",
    perOrderMax: 4,
  },
  responses: {
    201: {
      description: "The new type",
      schema: managedTicketType,
      example: managedTypeExample,
    },
  },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["INVALID_STATE"] },
});

export const listTicketTypesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/ticket-types",
  operationId: "listTicketTypes",
  summary:
    "The event's ticket types in page order: every type for the owner and admins, the public ones for everyone else (drafts: 404)",
  tags: ["ticket types"],
  tokenScope: "events:read",
  auth: "optional",
  params: eventParams,
  responses: {
    200: {
      description: "All of them (an event has a few)",
      schema: z.object({ data: z.array(managedTicketType) }),
      example: { data: [managedTypeExample] },
    },
  },
  errors: { 404: ["EVENT_NOT_FOUND"] },
});

export const updateTicketTypeRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/events/{id}/ticket-types/{typeId}",
  operationId: "updateTicketType",
  summary: "Edit a ticket type, stop or resume its sales (owner, admin)",
  tags: ["ticket types"],
  tokenScope: "events:write",
  auth: "user",
  params: typeParams,
  body: updateTicketTypeBody,
  bodyExample: { priceCents: 2000, capacity: 60 },
  responses: {
    200: {
      description: "The type as it is now",
      schema: managedTicketType,
      example: managedTypeExample,
    },
  },
  errors: {
    404: ["EVENT_NOT_FOUND", "TICKET_TYPE_NOT_FOUND"],
    409: ["LAST_TICKET_TYPE"],
    422: ["CAPACITY_BELOW_SOLD"],
  },
});

export const deleteTicketTypeRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/events/{id}/ticket-types/{typeId}",
  operationId: "deleteTicketType",
  summary:
    "Delete a ticket type no order includes (owner, admin); 409 TICKET_TYPE_IN_USE once one does (retire it instead), 409 LAST_TICKET_TYPE for the last one on sale",
  tags: ["ticket types"],
  tokenScope: "events:write",
  auth: "user",
  params: typeParams,
  responses: { 204: { description: "Deleted" } },
  errors: {
    404: ["EVENT_NOT_FOUND", "TICKET_TYPE_NOT_FOUND"],
    409: ["TICKET_TYPE_IN_USE", "LAST_TICKET_TYPE"],
  },
});

export const createPromoCodeRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/promo-codes",
  operationId: "createPromoCode",
  summary:
    "Create a promo code: percentOff or amountOffCents (owner, admin); 409 PROMO_CODE_EXISTS whatever its case",
  tags: ["ticket types"],
  tokenScope: "events:write",
  auth: "user",
  params: eventParams,
  body: createPromoCodeBody,
  bodyExample: {
    code: "FRIENDS10",
    percentOff: 10,
    maxUses: 100,
    validUntil: "2027-03-01T00:00:00Z",
  },
  responses: {
    201: {
      description: "The new code, 0 uses",
      schema: promoCode,
      example: { ...promoCodeExample, uses: 0 },
    },
  },
  errors: { 404: ["EVENT_NOT_FOUND"], 409: ["PROMO_CODE_EXISTS"] },
});

export const listPromoCodesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/promo-codes",
  operationId: "listPromoCodes",
  summary:
    "The event's promo codes, newest first, with their uses (owner, admin)",
  tags: ["ticket types"],
  tokenScope: "events:read",
  auth: "user",
  params: eventParams,
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().optional(),
  }),
  responses: {
    200: {
      description: "One page",
      schema: z.object({
        data: z.array(promoCode),
        nextCursor: z.string().nullable(),
      }),
      example: { data: [promoCodeExample], nextCursor: null },
    },
  },
  errors: { 400: ["INVALID_CURSOR"], 404: ["EVENT_NOT_FOUND"] },
});
