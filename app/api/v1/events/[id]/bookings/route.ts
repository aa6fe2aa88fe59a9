import { bookSeatsRoute } from "@/app/api/v1/_contracts/bookings";
import { bookSeatsWithCheckout } from "@/lib/checkout";
import { enforceBookingRateLimit } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { idempotencyKey } from "@/lib/http/idempotency-key";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(bookSeatsRoute, async ({ req, ctx, params, body }) => {
  const key = idempotencyKey(req);
  await enforceBookingRateLimit("booking", { actor: ctx.actor, ip: clientIp(req.headers) });
  const { booking, replayed } = await bookSeatsWithCheckout({ ctx, input: { eventId: params.id, quantity: body.quantity, idempotencyKey: key } });
  return json(booking, 201, replayed ? { "idempotent-replayed": "true" } : undefined);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ POST: post });
