import { listMyWaitlist } from "@/lib/domain/bookings";
import { currentCtx } from "@/lib/web/current-actor";

/**
 * The signed-in user's latest waitlist entries with their positions, for the pages that keep
 * them live by polling (see useLiveEntries). Session cookie, not a bearer token: a page's fetch.
 */
export async function GET(): Promise<Response> {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") return Response.json({ data: [] }, { status: 401 });
  const { data } = await listMyWaitlist({ ctx, input: { limit: 50 } });
  return Response.json(
    { data: data.map(({ id, eventId, quantity, position, status, bookingId }) => ({ id, eventId, quantity, position, status, bookingId })) },
    { headers: { "cache-control": "no-store" } },
  );
}
