import { bookingAuditRoute } from "@/app/api/v1/_contracts/bookings";
import { getBookingAudit } from "@/lib/domain/bookings";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const get = withApi(bookingAuditRoute, async ({ ctx, params }) => json({ data: await getBookingAudit({ ctx, input: { id: params.id } }) }));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get });
