import { testWebhookRoute } from "@/app/api/v1/_contracts/webhooks";
import { sendTestMessage } from "@/lib/domain/webhooks";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(testWebhookRoute, async ({ ctx, params }) => json(await sendTestMessage({ ctx, input: { endpointId: params.id } }), 202));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
