import { createEventRoute, listEventsRoute } from "@/app/api/v1/_contracts/events";
import { createEvent, listEvents } from "@/lib/domain/events";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(createEventRoute, async ({ ctx, body }) => json(await createEvent({ ctx, input: body }), 201));

const get = withApi(listEventsRoute, async ({ ctx, query }) => json(await listEvents({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
