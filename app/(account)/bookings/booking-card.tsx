import Link from "next/link";
import { formatPrice, formatUtc } from "@/app/(public)/_components/event-format";
import type { BookingView } from "@/lib/domain/bookings";
import { formatEventTime } from "@/lib/format/event-time";
import { CancelBookingButton } from "./cancel-booking-button";
import { TicketQr } from "./ticket-qr";

export type EventFacts = { title: string; venue: string; startsAt: Date; timezone: string };

/** One booking: event, seats, status, ticket codes with their QR codes, and cancel while confirmed. */
export async function BookingCard({ booking, event, open = false }: { booking: BookingView; event?: EventFacts; open?: boolean }) {
  const confirmed = booking.status === "confirmed";
  return (
    <article className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="booking" data-booking-id={booking.id}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">
            <Link href={`/events/${booking.eventId}`} className="hover:underline">
              {event?.title ?? "Event"}
            </Link>
          </h2>
          {event ? <p className="text-sm text-slate-600">{`${event.venue} · ${formatEventTime(event.startsAt, event.timezone)}`}</p> : null}
        </div>
        <span
          className={`rounded-full px-3 py-1 text-xs font-medium ${confirmed ? "bg-emerald-100 text-emerald-800" : "bg-slate-200 text-slate-700"}`}
          data-testid="booking-status"
        >
          {confirmed ? "Confirmed" : "Cancelled"}
        </span>
      </header>
      <p className="text-sm text-slate-700">
        {booking.quantity} {booking.quantity === 1 ? "seat" : "seats"} · {formatPrice(booking.totalCents, booking.currency)}
        {booking.source === "waitlist" ? " · from the waitlist" : ""} · booked {formatUtc(new Date(booking.createdAt))}
        {booking.cancelledAt ? ` · cancelled ${formatUtc(new Date(booking.cancelledAt))}` : ""}
      </p>
      {confirmed ? (
        <details open={open} className="group">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">Tickets and QR codes</summary>
          <div className="mt-4 flex flex-wrap gap-6">
            {booking.items.map((item) => (
              <TicketQr key={item.id} code={item.ticketCode} />
            ))}
          </div>
        </details>
      ) : null}
      <footer className="flex flex-wrap items-center gap-4">
        <Link href={`/bookings/${booking.id}`} className="text-sm text-brand-700 underline">
          Booking details
        </Link>
        {confirmed ? <CancelBookingButton bookingId={booking.id} /> : null}
      </footer>
    </article>
  );
}
