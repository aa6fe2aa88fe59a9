import { systemAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getSystemAnalytics } from "@/lib/domain/analytics";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(systemAnalyticsRoute, async ({ ctx }) => json(await getSystemAnalytics({ ctx })));
