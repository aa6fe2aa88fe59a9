import { joinWaitlistRoute, listEventWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { enforceBookingRateLimit, joinWaitlist, listEventWaitlist } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { json, withApi } from "@/lib/http/with-api";

export const POST = withApi(joinWaitlistRoute, async ({ req, ctx, params, body }) => {
  await enforceBookingRateLimit("waitlist", { actor: ctx.actor, ip: clientIp(req.headers) });
  return json(await joinWaitlist({ ctx, input: { eventId: params.id, quantity: body.quantity } }), 201);
});

export const GET = withApi(listEventWaitlistRoute, async ({ ctx, params, query }) =>
  json(await listEventWaitlist({ ctx, input: { ...query, eventId: params.id } })),
);
