import { listMyOrganizationsRoute } from "@/app/api/v1/_contracts/organization-tokens";
import { listMyOrganizations } from "@/lib/domain/organizations";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const list = withApi(listMyOrganizationsRoute, async ({ ctx }) => json({ data: await listMyOrganizations({ ctx }) }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: list });
