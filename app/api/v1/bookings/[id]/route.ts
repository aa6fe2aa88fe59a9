import { getBookingRoute } from "@/app/api/v1/_contracts/bookings";
import { getBooking } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(getBookingRoute, async ({ ctx, params }) => json(await getBooking({ ctx, input: { id: params.id } })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
