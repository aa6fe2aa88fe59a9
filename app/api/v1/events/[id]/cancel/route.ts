import { cancelEventRoute } from "@/app/api/v1/_contracts/events";
import { cancelEvent } from "@/lib/domain/events";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(cancelEventRoute, async ({ ctx, params, body }) => json(await cancelEvent({ ctx, input: { ...body, id: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
