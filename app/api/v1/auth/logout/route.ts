import { logoutRoute } from "@/app/api/v1/_contracts/auth";
import { signOut } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { noContent, withApi } from "@/lib/http/with-api";

export const POST = withApi(logoutRoute, async ({ req, ctx, body }) => {
  await signOut({ ctx, input: { ...body, client: { ip: clientIp(req.headers), userAgent: userAgent(req.headers) } } });
  return noContent();
});
