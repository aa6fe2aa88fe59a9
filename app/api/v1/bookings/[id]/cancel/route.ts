import { cancelBookingRoute } from "@/app/api/v1/_contracts/bookings";
import { cancelOrder } from "@/lib/checkout/cancel-order";
import { bookingViewOf, enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

// A booking is an order: cancelling it is the order's cancel (a paid one is refunded), shown as a booking.
const post = withApi(cancelBookingRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(bookingViewOf(await cancelOrder({ ctx, input: { orderId: params.id } })));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
