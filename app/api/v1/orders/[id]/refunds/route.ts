import { refundOrderRoute } from "@/app/api/v1/_contracts/orders";
import { refundOrder } from "@/lib/checkout";
import { enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(refundOrderRoute, async ({ req, ctx, params, body }) => {
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await refundOrder({ ctx, input: { ...body, orderId: params.id } }), 201);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
