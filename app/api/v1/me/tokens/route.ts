import { createApiTokenRoute, listApiTokensRoute } from "@/app/api/v1/_contracts/tokens";
import { createApiToken, enforceAuthRateLimit, listApiTokens } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const create = withApi(createApiTokenRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  if (ctx.actor.type === "user") await enforceAuthRateLimit("api-token-create", { ip: client.ip, userId: ctx.actor.userId });
  return json(await createApiToken({ ctx, input: { ...body, client } }), 201);
});

const list = withApi(listApiTokensRoute, async ({ ctx }) => json(await listApiTokens({ ctx })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: list, POST: create });
