import { changeWaitlistPriorityRoute, leaveWaitlistRoute } from "@/app/api/v1/_contracts/waitlist";
import { changeWaitlistPriority, enforceBookingRateLimit, leaveWaitlist } from "@/lib/domain/bookings";
import { clientIp } from "@/lib/http/client-info";
import { json, noContent, withApi } from "@/lib/http/with-api";

export const PATCH = withApi(changeWaitlistPriorityRoute, async ({ ctx, params, body }) =>
  json(await changeWaitlistPriority({ ctx, input: { id: params.id, priority: body.priority } })),
);

export const DELETE = withApi(leaveWaitlistRoute, async ({ req, ctx, params }) => {
  await enforceBookingRateLimit("waitlist", { actor: ctx.actor, ip: clientIp(req.headers) });
  await leaveWaitlist({ ctx, input: { id: params.id } });
  return noContent();
});
