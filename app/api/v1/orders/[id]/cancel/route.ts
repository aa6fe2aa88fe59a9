import { cancelOrderRoute } from "@/app/api/v1/_contracts/orders";
import { cancelOrder } from "@/lib/checkout/cancel-order";
import { enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(cancelOrderRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await cancelOrder({ ctx, input: { orderId: params.id } }));
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
