import { dailyAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getDailyAnalytics } from "@/lib/domain/analytics";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(dailyAnalyticsRoute, async ({ ctx, query }) => json(await getDailyAnalytics({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
