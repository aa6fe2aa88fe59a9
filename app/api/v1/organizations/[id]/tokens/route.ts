import { createOrganizationTokenRoute, listOrganizationTokensRoute } from "@/app/api/v1/_contracts/organization-tokens";
import { enforceAuthRateLimit } from "@/lib/domain/auth";
import { createOrganizationToken, listOrganizationTokens } from "@/lib/domain/organizations";
import { apiMethods } from "@/lib/http/api-methods";
import { clientIp } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

const create = withApi(createOrganizationTokenRoute, async ({ req, ctx, body, params }) => {
  // The same limit as minting a personal token, keyed by the owner minting it.
  if (ctx.actor.type === "user") await enforceAuthRateLimit("api-token-create", { ip: clientIp(req.headers), userId: ctx.actor.userId });
  return json(await createOrganizationToken({ ctx, input: { ...body, organizationId: params.id } }), 201);
});

const list = withApi(listOrganizationTokensRoute, async ({ ctx, params }) => json(await listOrganizationTokens({ ctx, input: { organizationId: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: list, POST: create });
