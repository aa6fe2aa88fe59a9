import { getEventRoute, updateEventRoute } from "@/app/api/v1/_contracts/events";
import { getEventOrThrow, updateEvent } from "@/lib/domain/events";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(getEventRoute, async ({ ctx, params }) => json(await getEventOrThrow({ ctx, input: { id: params.id } })));

const patch = withApi(updateEventRoute, async ({ ctx, params, body }) => json(await updateEvent({ ctx, input: { ...body, id: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, PATCH: patch });
