import { checkInStatsRoute } from "@/app/api/v1/_contracts/check-ins";
import { checkInStats } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(checkInStatsRoute, async ({ ctx, params }) => json(await checkInStats({ ctx, input: { eventId: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
