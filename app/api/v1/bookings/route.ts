import { listMyBookingsRoute } from "@/app/api/v1/_contracts/bookings";
import { listMyBookings } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(listMyBookingsRoute, async ({ ctx, query }) => json(await listMyBookings({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
