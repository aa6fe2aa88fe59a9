import { verifyRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, verifyEmail } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(verifyRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  await enforceAuthRateLimit("verify", { ip: client.ip, email: body.email });
  return json(await verifyEmail({ ctx, input: { ...body, client } }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
