import { changeMyEmailRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, requestEmailChange } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(changeMyEmailRoute, async ({ req, ctx, body }) => {
  const ip = clientIp(req.headers);
  if (ctx.actor.type === "user") await enforceAuthRateLimit("reauth", { ip, userId: ctx.actor.userId });
  await enforceAuthRateLimit("email-change", { ip, email: body.email });
  return json(await requestEmailChange({ ctx, input: body }), 202);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
