import { changeWaitlistPriorityRoute, leaveWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { changeWaitlistPriority, enforceBookingRateLimit, leaveWaitlist } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { apiMethods } from "@/lib/http/api-methods";
import { json, noContent, withApi } from "@/lib/http/with-api";

const patch = withApi(changeWaitlistPriorityRoute, async ({ ctx, params, body }) =>
  json(await changeWaitlistPriority({ ctx, input: { id: params.id, priority: body.priority } })),
);

const remove = withApi(leaveWaitlistRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("waitlist", { actor: ctx.actor, ip: clientIp(req.headers) });
  await leaveWaitlist({ ctx, input: { id: params.id } });
  return noContent();
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: patch, DELETE: remove });
