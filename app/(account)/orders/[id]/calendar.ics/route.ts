import { getOrder } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";
import { env } from "@/lib/env";
import { bookingCalendar } from "@/lib/mail/ics";
import { currentCtx } from "@/lib/web/current-actor";

const notFound = () => new Response("Order not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store" } });

/**
 * The order's calendar entry as a file, with the same UID as the one its confirmation email
 * attached, so importing both keeps one entry. Its buyer, the organizer or an admin only.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await currentCtx();
  const order = await getOrder({ ctx, input: { orderId: id } }).catch((error: unknown) => {
    if (isDomainError(error)) return null;
    throw error;
  });
  if (!order) return notFound();
  const [event] = await getEventsByIds({ ctx, input: { ids: [order.eventId] } });
  if (!event) return notFound();
  const orderUrl = new URL(`/orders/${order.id}`, env.APP_URL).toString();
  const calendar = bookingCalendar({
    bookingId: order.id,
    title: event.title,
    venue: event.venue,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    description: `Your tickets: ${orderUrl}`,
    url: orderUrl,
  });
  return new Response(calendar, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="order-${order.id.slice(0, 8)}.ics"`,
      "cache-control": "private, no-store",
    },
  });
}
