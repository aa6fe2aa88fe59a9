import { getBookingRoute } from "@/app/api/v1/_contracts/bookings";
import { getBooking } from "@/lib/domain/bookings";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(getBookingRoute, async ({ ctx, params }) => json(await getBooking({ ctx, input: { id: params.id } })));
