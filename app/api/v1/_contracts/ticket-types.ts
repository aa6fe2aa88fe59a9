import { z } from "zod";
import { createPromoCodeBody, createTicketTypeBody, updateTicketTypeBody } from "@/lib/domain/bookings";
import { defineRoute } from "@/lib/http/contract";

const eventParams = z.object({ id: z.string() });
const typeParams = z.object({ id: z.string(), typeId: z.string() });

/** API.md `ticketType`, as the event JSON carries it. */
export const ticketType = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number().int().describe("Price per ticket in the event currency's minor units"),
  capacity: z.number().int().nullable().describe("This type's own quota; null: it shares the event's capacity only (which always caps the sum)"),
  seatsAvailable: z.number().int().describe("What can be bought now: the type's room and the event's, whichever is smaller; a lapsed unpaid hold never counts"),
  salesStartAt: z.string().nullable(),
  salesEndAt: z.string().nullable(),
  perOrderMax: z.number().int(),
  hidden: z.boolean().describe("Sold only with a promo code that unlocks it; shown to the organizer and admins only"),
});

/** What the organizer sees of a type: the public shape plus its place, its sales and whether it is retired. */
const managedTicketType = ticketType.extend({
  eventId: z.string(),
  position: z.number().int().describe("Order on the event page, ascending"),
  sold: z.number().int().describe("Tickets of paid and awaiting-payment orders"),
  retiredAt: z.string().nullable().describe("When its sales were stopped; orders keep it"),
});

const promoCode = z.object({
  id: z.string(),
  eventId: z.string(),
  code: z.string().describe("As the organizer typed it; buyers may type it in any case"),
  percentOff: z.number().int().nullable(),
  amountOffCents: z.number().int().nullable(),
  maxUses: z.number().int().nullable(),
  uses: z.number().int().describe("Orders paid or awaiting payment with it; an expired or cancelled order gives its use back"),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  ticketTypeIds: z.array(z.string()).nullable().describe("null: every type of the event"),
  createdAt: z.string(),
});

export const createTicketTypeRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/ticket-types",
  summary: "Add a ticket type at the end of the event's list (owner, admin)",
  tags: ["ticket types"],
  auth: "user",
  params: eventParams,
  body: createTicketTypeBody,
  responses: { 201: { description: "The new type", schema: managedTicketType } },
  errors: [401, 403, 404, 409, 422],
});

export const listTicketTypesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/ticket-types",
  summary: "The event's ticket types in page order: every type for the owner and admins, the public ones for everyone else (drafts: 404)",
  tags: ["ticket types"],
  auth: "optional",
  params: eventParams,
  responses: { 200: { description: "All of them (an event has a few)", schema: z.object({ data: z.array(managedTicketType) }) } },
  errors: [401, 404],
});

export const updateTicketTypeRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/events/{id}/ticket-types/{typeId}",
  summary: "Edit a ticket type, stop or resume its sales (owner, admin)",
  tags: ["ticket types"],
  auth: "user",
  params: typeParams,
  body: updateTicketTypeBody,
  responses: { 200: { description: "The type as it is now", schema: managedTicketType } },
  errors: [401, 403, 404, 409, 422],
});

export const deleteTicketTypeRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/events/{id}/ticket-types/{typeId}",
  summary: "Delete a ticket type no order includes (owner, admin); 409 TICKET_TYPE_IN_USE once one does (retire it instead), 409 LAST_TICKET_TYPE for the last one on sale",
  tags: ["ticket types"],
  auth: "user",
  params: typeParams,
  responses: { 204: { description: "Deleted" } },
  errors: [401, 403, 404, 409],
});

export const createPromoCodeRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/promo-codes",
  summary: "Create a promo code: percentOff or amountOffCents (owner, admin); 409 PROMO_CODE_EXISTS whatever its case",
  tags: ["ticket types"],
  auth: "user",
  params: eventParams,
  body: createPromoCodeBody,
  responses: { 201: { description: "The new code, 0 uses", schema: promoCode } },
  errors: [401, 403, 404, 409, 422],
});

export const listPromoCodesRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/promo-codes",
  summary: "The event's promo codes, newest first, with their uses (owner, admin)",
  tags: ["ticket types"],
  auth: "user",
  params: eventParams,
  query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().optional() }),
  responses: { 200: { description: "One page", schema: z.object({ data: z.array(promoCode), nextCursor: z.string().nullable() }) } },
  errors: [401, 403, 404, 422],
});
