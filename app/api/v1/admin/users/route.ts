import { adminListUsersRoute } from "@/app/api/v1/_contracts/auth";
import { listUsers } from "@/lib/domain/auth";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(adminListUsersRoute, async ({ ctx, query }) => json(await listUsers({ ctx, input: query })));
