import { registerRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, registerUser } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(registerRoute, async ({ req, ctx, body }) => {
  await enforceAuthRateLimit("register", { ip: clientIp(req.headers), email: body.email });
  return json(await registerUser({ ctx, input: body }), 202);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
