import { refreshRoute } from "@/app/api/v1/_contracts/auth";
import { rotateRefreshToken } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(refreshRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  return json(await rotateRefreshToken({ ctx, input: { ...body, client } }), 200, { "cache-control": "no-store" });
});
