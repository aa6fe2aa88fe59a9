import { z } from "zod";
import { checkInTicketBody } from "@/lib/domain/bookings";
import { defineRoute } from "@/lib/http/contract";
import { component } from "@/lib/http/openapi-component";

const eventParams = z.object({ id: z.string() });
const ticketParams = z.object({ id: z.string(), ticketCode: z.string() });

const checkIn = component(
  "CheckIn",
  z.object({
    ticket: z.object({ id: z.string(), ticketCode: z.string(), ticketTypeId: z.string(), checkedInAt: z.string() }),
    order: z.object({
      id: z.string(),
      status: z.string().describe("Always confirmed: only a confirmed order's tickets admit"),
      holderName: z.string().describe("The buyer's name (or address when they gave no name)"),
    }),
    ticketType: z.object({ id: z.string(), name: z.string() }),
    checkedInAt: z.string().describe("When the ticket was scanned: the request's `scannedAt` for a scan synced after being offline"),
  }),
);

const checkInStats = component(
  "CheckInStats",
  z.object({
    checkedIn: z.number().int().describe("Tickets of confirmed orders that are in"),
    tickets: z.number().int().describe("Tickets of confirmed orders"),
    byTicketType: z
      .array(z.object({ ticketTypeId: z.string(), name: z.string(), checkedIn: z.number().int(), tickets: z.number().int() }))
      .describe("The same per ticket type, in page order; types nobody holds are left out"),
  }),
);

const TYPE_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

export const checkInTicketRoute = defineRoute({
  method: "POST",
  path: "/api/v1/events/{id}/check-ins",
  operationId: "checkInTicket",
  summary:
    "Check a ticket in at the door (owner, admin): exactly one of any number of simultaneous scans of a code succeeds; 409 ALREADY_CHECKED_IN carries `checkedInAt` and `checkedInBy`",
  tags: ["check-in"],
  tokenScope: "checkin:write",
  auth: "user",
  params: eventParams,
  body: checkInTicketBody,
  bodyExample: { ticketCode: "7K2M9QXR4TB8VW3N6PHD" },
  responses: {
    200: {
      description: "The ticket is in",
      schema: checkIn,
      example: {
        ticket: { id: "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e", ticketCode: "7K2M9QXR4TB8VW3N6PHD", ticketTypeId: TYPE_ID, checkedInAt: "2027-03-14T18:02:11.000Z" },
        order: { id: "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b", status: "confirmed", holderName: "Ada Lovelace" },
        ticketType: { id: TYPE_ID, name: "Early bird" },
        checkedInAt: "2027-03-14T18:02:11.000Z",
      },
    },
  },
  errors: { 404: ["EVENT_NOT_FOUND", "TICKET_NOT_FOUND"], 409: ["ALREADY_CHECKED_IN", "TICKET_NOT_VALID"] },
});

export const undoCheckInRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/events/{id}/check-ins/{ticketCode}",
  operationId: "undoCheckIn",
  summary: "Take back a mistaken check-in (owner, admin): the ticket admits again; the undo is kept in the event's audit trail",
  tags: ["check-in"],
  tokenScope: "checkin:write",
  auth: "user",
  params: ticketParams,
  responses: { 204: { description: "The ticket is no longer checked in" } },
  errors: { 404: ["EVENT_NOT_FOUND", "TICKET_NOT_FOUND"], 409: ["NOT_CHECKED_IN"] },
});

export const checkInStatsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/events/{id}/check-ins/stats",
  operationId: "getCheckInStats",
  summary: "How many tickets are in, overall and per ticket type (owner, admin)",
  tags: ["check-in"],
  tokenScope: "checkin:write",
  auth: "user",
  params: eventParams,
  responses: {
    200: {
      description: "Live figures",
      schema: checkInStats,
      example: { checkedIn: 3, tickets: 12, byTicketType: [{ ticketTypeId: TYPE_ID, name: "Early bird", checkedIn: 3, tickets: 12 }] },
    },
  },
  errors: { 404: ["EVENT_NOT_FOUND"] },
});
