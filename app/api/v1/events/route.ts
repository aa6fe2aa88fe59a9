import { createEventRoute, listEventsRoute } from "@/app/api/v1/_contracts/events";
import { createEvent, listEvents } from "@/lib/domain/events";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(createEventRoute, async ({ ctx, body }) => json(await createEvent({ ctx, input: body }), 201));

export const GET = withApi(listEventsRoute, async ({ ctx, query }) => json(await listEvents({ ctx, input: query })));
