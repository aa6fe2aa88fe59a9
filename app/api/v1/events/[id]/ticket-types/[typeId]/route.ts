import { deleteTicketTypeRoute, updateTicketTypeRoute } from "@/app/api/v1/_contracts/ticket-types";
import { checkEventManager, deleteTicketType, updateTicketType } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, noContent, withApi } from "@/lib/http/with-api";

const patch = withApi(
  updateTicketTypeRoute,
  async ({ ctx, params, body }) => json(await updateTicketType({ ctx, input: { ...body, eventId: params.id, ticketTypeId: params.typeId } })),
  { authorize: ({ ctx, params }) => checkEventManager({ ctx, input: { eventId: params.id } }) },
);

const del = withApi(deleteTicketTypeRoute, async ({ ctx, params }) => {
  await deleteTicketType({ ctx, input: { eventId: params.id, ticketTypeId: params.typeId } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: patch, DELETE: del });
