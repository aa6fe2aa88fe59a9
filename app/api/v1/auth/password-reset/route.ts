import { passwordResetRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, requestPasswordReset } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(passwordResetRoute, async ({ req, ctx, body }) => {
  await enforceAuthRateLimit("password-reset", { ip: clientIp(req.headers), email: body.email });
  // An answer about an account, even a uniform one, is not for a shared cache.
  return json(await requestPasswordReset({ ctx, input: body }), 202, { "cache-control": "no-store" });
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
