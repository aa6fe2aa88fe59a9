import { publishEventRoute } from "@/app/api/v1/_contracts/events";
import { publishEvent } from "@/lib/domain/events";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(publishEventRoute, async ({ ctx, params }) => json(await publishEvent({ ctx, input: { id: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
