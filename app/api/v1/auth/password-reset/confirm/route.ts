import { passwordResetConfirmRoute } from "@/app/api/v1/_contracts/auth";
import { confirmPasswordReset, enforceAuthRateLimit } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const post = withApi(passwordResetConfirmRoute, async ({ req, ctx, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  await enforceAuthRateLimit("password-reset-confirm", { ip: client.ip, email: body.email });
  await confirmPasswordReset({ ctx, input: { ...body, client } });
  const done = noContent();
  done.headers.set("cache-control", "no-store");
  return done;
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
