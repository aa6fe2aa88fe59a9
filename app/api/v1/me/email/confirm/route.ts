import { confirmMyEmailRoute } from "@/app/api/v1/_contracts/auth";
import { confirmEmailChange, enforceAuthRateLimit } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(confirmMyEmailRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  if (ctx.actor.type === "user") await enforceAuthRateLimit("email-change-confirm", { ip: client.ip, userId: ctx.actor.userId });
  return json(await confirmEmailChange({ ctx, input: { ...body, client } }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
