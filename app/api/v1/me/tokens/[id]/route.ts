import { revokeApiTokenRoute } from "@/app/api/v1/_contracts/tokens";
import { revokeApiToken } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const remove = withApi(revokeApiTokenRoute, async ({ req, ctx, params }) => {
  await revokeApiToken({ ctx, input: { tokenId: params.id, client: { ip: clientIp(req.headers), userAgent: userAgent(req.headers) } } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ DELETE: remove });
