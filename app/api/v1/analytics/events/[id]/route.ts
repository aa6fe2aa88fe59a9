import { eventAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getEventAnalytics } from "@/lib/domain/analytics";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(eventAnalyticsRoute, async ({ ctx, params }) => json(await getEventAnalytics({ ctx, input: { eventId: params.id } })));
