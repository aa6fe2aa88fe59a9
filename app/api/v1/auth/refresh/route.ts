import { refreshRoute } from "@/app/api/v1/_contracts/auth";
import { rotateRefreshToken } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(refreshRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  return json(await rotateRefreshToken({ ctx, input: { ...body, client } }), 200, { "cache-control": "no-store" });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
