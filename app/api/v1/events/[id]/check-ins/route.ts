import { checkInTicketRoute } from "@/app/api/v1/_contracts/check-ins";
import { checkDoorAccess, checkInTicket } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

// checkInTicket judges the scan by the event's owner it remembers, and its statement writes nothing if that owner is stale: a valid scan pays no separate access query.
const post = withApi(checkInTicketRoute, async ({ ctx, params, body }) => json(await checkInTicket({ ctx, input: { ...body, eventId: params.id } })), {
  authorize: ({ ctx, params }) => checkDoorAccess({ ctx, input: { eventId: params.id, action: "checkin:scan" } }),
  handlerAuthorizes: true,
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
