import { dailyAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getDailyAnalytics } from "@/lib/domain/analytics";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(dailyAnalyticsRoute, async ({ ctx, query }) => json(await getDailyAnalytics({ ctx, input: query })));
