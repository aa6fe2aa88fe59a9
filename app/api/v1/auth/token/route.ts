import { tokenRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, issueTokens } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(tokenRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  await enforceAuthRateLimit("token", { ip: client.ip, email: body.email });
  return json(await issueTokens({ ctx, input: { ...body, client } }), 200, { "cache-control": "no-store" });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
