import { adminSecurityEventsRoute } from "@/app/api/v1/_contracts/auth";
import { listSecurityEvents } from "@/lib/domain/auth";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(adminSecurityEventsRoute, async ({ ctx, query }) => json(await listSecurityEvents({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
