import { meRoute } from "@/app/api/v1/_contracts/auth";
import { getCurrentUser } from "@/lib/domain/auth";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(meRoute, async ({ ctx }) => json(await getCurrentUser({ ctx })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
