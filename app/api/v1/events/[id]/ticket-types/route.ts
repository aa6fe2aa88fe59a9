import { createTicketTypeRoute, listTicketTypesRoute } from "@/app/api/v1/_contracts/ticket-types";
import { checkEventManager, createTicketType, listTicketTypes } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(
  createTicketTypeRoute,
  async ({ ctx, params, body }) => json(await createTicketType({ ctx, input: { ...body, eventId: params.id } }), 201),
  { authorize: ({ ctx, params }) => checkEventManager({ ctx, input: { eventId: params.id } }) },
);

const get = withApi(listTicketTypesRoute, async ({ ctx, params }) => json({ data: await listTicketTypes({ ctx, input: { eventId: params.id } }) }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
