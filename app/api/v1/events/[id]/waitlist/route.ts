import { joinWaitlistRoute, listEventWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { enforceBookingRateLimit, joinWaitlist, listEventWaitlist } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, withApi } from "@/lib/http/with-api";

const post = withApi(joinWaitlistRoute, async ({ req, ctx, params, body }) => {
  await enforceBookingRateLimit("waitlist", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await joinWaitlist({ ctx, input: { eventId: params.id, quantity: body.quantity } }), 201);
});

const get = withApi(listEventWaitlistRoute, async ({ ctx, params, query }) =>
  json(await listEventWaitlist({ ctx, input: { ...query, eventId: params.id } })),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ GET: get, POST: post });
