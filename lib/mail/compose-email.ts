import { renderEmail, type EmailMessage, type RenderedEmail } from "@/emails/render";
import type { BookedTickets } from "@/emails/components/booking-summary";
import type { OrderConfirmedProps } from "@/emails/order-confirmed";
import { plural } from "@/emails/format";
import { bookingCalendarAttachment } from "./ics";
import type { StoredAttachment } from "./schema";

export type ComposedEmail = RenderedEmail & { attachments: StoredAttachment[] };

/** Everything that goes out for a message, transport aside: subject, both bodies, attachments. */
export async function composeEmail(message: EmailMessage): Promise<ComposedEmail> {
  return { ...(await renderEmail(message)), attachments: attachmentsFor(message) };
}

function attachmentsFor(message: EmailMessage): StoredAttachment[] {
  switch (message.template) {
    case "booking-confirmed":
    case "waitlist-promoted":
      return [calendarFor(message.props, message.props.bookingUrl)];
    case "order-confirmed":
      return [orderCalendar(message.props)];
    default:
      return [];
  }
}

function calendarFor(booking: BookedTickets, bookingUrl: string): StoredAttachment {
  return bookingCalendarAttachment({
    bookingId: booking.bookingId,
    title: booking.event.title,
    venue: booking.event.venue,
    startsAt: booking.event.startsAt,
    endsAt: booking.event.endsAt,
    timezone: booking.event.timezone,
    description: `${plural(booking.quantity, "ticket", "tickets")}. Ticket codes: ${booking.ticketCodes.join(", ")}.\nYour booking: ${bookingUrl}`,
    url: bookingUrl,
  });
}

function orderCalendar(order: OrderConfirmedProps): StoredAttachment {
  return bookingCalendarAttachment({
    bookingId: order.orderId,
    title: order.event.title,
    venue: order.event.venue,
    startsAt: order.event.startsAt,
    endsAt: order.event.endsAt,
    timezone: order.event.timezone,
    description: `${plural(order.tickets.length, "ticket", "tickets")}. Ticket codes: ${order.tickets.map((t) => t.code).join(", ")}.\nYour order: ${order.orderUrl}`,
    url: order.orderUrl,
  });
}
