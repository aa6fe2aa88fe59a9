import { deleteMeRoute, meRoute, updateMeRoute } from "@/app/api/v1/_contracts/auth";
import { deleteAccount } from "@/lib/account";
import { enforceAuthRateLimit, getCurrentUser, updateProfile } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, noContent, withApi } from "@/lib/http/with-api";

const get = withApi(meRoute, async ({ ctx }) => json(await getCurrentUser({ ctx })));

const patch = withApi(updateMeRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  // A current password is guessed no faster here than at sign-in.
  if (body.currentPassword !== undefined && ctx.actor.type === "user") await enforceAuthRateLimit("reauth", { ip: client.ip, userId: ctx.actor.userId });
  return json(await updateProfile({ ctx, input: { ...body, client } }));
});

const remove = withApi(deleteMeRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  if (ctx.actor.type === "user") await enforceAuthRateLimit("reauth", { ip: client.ip, userId: ctx.actor.userId });
  await deleteAccount({ ctx, input: { ...body, client } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, PATCH: patch, DELETE: remove });
