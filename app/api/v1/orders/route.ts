import { listMyOrdersRoute, placeOrderRoute } from "@/app/api/v1/_contracts/orders";
import { placeOrder } from "@/lib/checkout";
import { enforceBookingRateLimit, listMyOrders } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { idempotencyKey } from "@/lib/http/idempotency-key";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(placeOrderRoute, async ({ req, ctx, body }) => {
  const key = idempotencyKey(req);
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  const { order, replayed } = await placeOrder({ ctx, input: { ...body, idempotencyKey: key } });
  return json(order, 201, replayed ? { "idempotent-replayed": "true" } : undefined);
});

const get = withApi(listMyOrdersRoute, async ({ ctx, query }) => json(await listMyOrders({ ctx, input: query })));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
