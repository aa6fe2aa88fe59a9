import { registerRoute } from "@/app/api/v1/_contracts/auth";
import { enforceAuthRateLimit, registerUser } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(registerRoute, async ({ req, ctx, body }) => {
  await enforceAuthRateLimit("register", { ip: clientIp(req.headers), email: body.email });
  return json(await registerUser({ ctx, input: body }), 202);
});
