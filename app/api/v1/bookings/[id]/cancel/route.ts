import { cancelBookingRoute } from "@/app/api/v1/_contracts/bookings";
import { cancelBooking, enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(cancelBookingRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await cancelBooking({ ctx, input: { id: params.id } }));
});
