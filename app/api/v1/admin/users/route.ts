import { adminListUsersRoute } from "@/app/api/v1/_contracts/auth";
import { listUsers } from "@/lib/domain/auth";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(adminListUsersRoute, async ({ ctx, query }) => json(await listUsers({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
