import { listMyBookingsRoute } from "@/app/api/v1/_contracts/bookings";
import { listMyBookings } from "@/lib/domain/bookings";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(listMyBookingsRoute, async ({ ctx, query }) => json(await listMyBookings({ ctx, input: query })));
