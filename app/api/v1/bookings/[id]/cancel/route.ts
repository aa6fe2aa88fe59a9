import { cancelBookingRoute } from "@/app/api/v1/_contracts/bookings";
import { cancelBooking, enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(cancelBookingRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await cancelBooking({ ctx, input: { id: params.id } }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
