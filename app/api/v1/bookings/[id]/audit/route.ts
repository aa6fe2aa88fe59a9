import { bookingAuditRoute } from "@/app/api/v1/_contracts/bookings";
import { getBookingAudit } from "@/lib/domain/bookings";
import { json, withApi } from "@/lib/http/with-api";

export const GET = withApi(bookingAuditRoute, async ({ ctx, params }) => json({ data: await getBookingAudit({ ctx, input: { id: params.id } }) }));
