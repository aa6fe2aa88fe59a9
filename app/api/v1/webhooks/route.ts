import { createWebhookRoute, listWebhooksRoute } from "@/app/api/v1/_contracts/webhooks";
import { createEndpoint, listEndpoints } from "@/lib/domain/webhooks";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(createWebhookRoute, async ({ ctx, body }) => json(await createEndpoint({ ctx, input: body }), 201, { "cache-control": "no-store" }));

const get = withApi(listWebhooksRoute, async ({ ctx, query }) => json(await listEndpoints({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
