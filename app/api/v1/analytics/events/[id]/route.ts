import { eventAnalyticsRoute } from "@/app/api/v1/_contracts/analytics";
import { getEventAnalytics } from "@/lib/domain/analytics";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(eventAnalyticsRoute, async ({ ctx, params }) => json(await getEventAnalytics({ ctx, input: { eventId: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
