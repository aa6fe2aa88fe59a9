import { systemAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getSystemAnalytics } from "@/lib/domain/analytics";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(systemAnalyticsRoute, async ({ ctx, query }) => json(await getSystemAnalytics({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
