import { deleteWebhookRoute } from "@/app/api/v1/_contracts/webhooks";
import { deleteEndpoint } from "@/lib/domain/webhooks";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const remove = withApi(deleteWebhookRoute, async ({ ctx, params }) => {
  await deleteEndpoint({ ctx, input: { id: params.id } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ DELETE: remove });
