import { adminChangeRoleRoute } from "@/app/api/v1/_contracts/auth";
import { changeUserRole } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const patch = withApi(adminChangeRoleRoute, async ({ req, ctx, params, body }) => {
  const client = { ip: clientIp(req.headers), userAgent: userAgent(req.headers) };
  return json(await changeUserRole({ ctx, input: { userId: params.id, role: body.role, client } }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: patch });
