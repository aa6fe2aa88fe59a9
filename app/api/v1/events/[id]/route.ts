import { getEventRoute, updateEventRoute } from "@/app/api/v1/_contracts/events";
import { getEventOrThrow, updateEvent } from "@/lib/domain/events";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(getEventRoute, async ({ ctx, params }) => json(await getEventOrThrow({ ctx, input: { id: params.id } })));

export const PATCH = withApi(updateEventRoute, async ({ ctx, params, body }) => json(await updateEvent({ ctx, input: { ...body, id: params.id } })));
