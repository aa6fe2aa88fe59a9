import type { BookingView } from "@/lib/domain/bookings";
import type { EmailMessage } from "@/emails/render";
import { bookingLink } from "./links";
import type { Recipient } from "./recipient";

type TicketsProps = Extract<EmailMessage, { template: "booking-confirmed" | "waitlist-promoted" }>["props"];

/** A direct booking and a waitlist promotion are mailed the same tickets; only the wording around them differs. */
export function bookedTickets(booking: BookingView, { user, event, onlineUrl }: Recipient): TicketsProps {
  return {
    recipientName: user.name,
    bookingId: booking.id,
    event,
    quantity: booking.quantity,
    totalCents: booking.totalCents,
    currency: booking.currency,
    ticketCodes: booking.items.map((i) => i.ticketCode),
    bookingUrl: bookingLink(booking.id),
    // A confirmed booking makes its recipient a ticket holder, who may have the join link.
    onlineUrl,
  };
}
