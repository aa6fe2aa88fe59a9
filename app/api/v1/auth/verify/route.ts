import { verifyRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, verifyEmail } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(verifyRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  await enforceAuthRateLimit("verify", { ip: client.ip, email: body.email });
  return json(await verifyEmail({ ctx, input: { ...body, client } }));
});
