import { redeliverWebhookRoute } from "@/app/api/v1/_contracts/webhooks";
import { redeliver } from "@/lib/domain/webhooks";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(redeliverWebhookRoute, async ({ ctx, params }) => json(await redeliver({ ctx, input: { endpointId: params.id, deliveryId: params.deliveryId } }), 202));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
