import { revokeMySessionRoute } from "@/app/api/v1/_contracts/auth";
import { revokeSession } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const remove = withApi(revokeMySessionRoute, async ({ req, ctx, params }) => {
  await revokeSession({ ctx, input: { sessionId: params.id, client: { ip: clientIp(req.headers), userAgent: userAgent(req.headers) } } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ DELETE: remove });
