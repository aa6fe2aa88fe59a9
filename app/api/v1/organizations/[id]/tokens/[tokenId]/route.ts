import { revokeOrganizationTokenRoute } from "@/app/api/v1/_contracts/organization-tokens";
import { revokeOrganizationToken } from "@/lib/domain/organizations";
import { apiMethods } from "@/lib/http/api-methods";
import { noContent, withApi } from "@/lib/http/with-api";

const remove = withApi(revokeOrganizationTokenRoute, async ({ ctx, params }) => {
  await revokeOrganizationToken({ ctx, input: { organizationId: params.id, tokenId: params.tokenId } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ DELETE: remove });
