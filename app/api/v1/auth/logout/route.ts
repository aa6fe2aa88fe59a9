import { logoutRoute } from "@/app/api/v1/_contracts/auth";
import { signOut } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const post = withApi(logoutRoute, async ({ req, ctx, body }) => {
  await signOut({ ctx, input: { ...body, client: { ip: clientIp(req.headers), userAgent: userAgent(req.headers) } } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
