import { listWebhookDeliveriesRoute } from "@/app/api/v1/_contracts/webhooks";
import { listDeliveries } from "@/lib/domain/webhooks";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(listWebhookDeliveriesRoute, async ({ ctx, params, query }) => json(await listDeliveries({ ctx, input: { endpointId: params.id, ...query } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
