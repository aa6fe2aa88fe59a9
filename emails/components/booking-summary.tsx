import { formatEventTime, formatMoney } from "../format";
import { DetailTable } from "./detail-table";
import { eventDetailRows, type ScheduledEvent } from "./event-details";
import { TicketCodes } from "./ticket-codes";

export type BookedTickets = {
  bookingId: string;
  event: ScheduledEvent;
  quantity: number;
  /** Integer minor units of `currency` (cents, yen). */
  totalCents: number;
  /** ISO 4217 code. */
  currency: string;
  ticketCodes: string[];
};

/** The facts of a confirmed booking, shared by a direct booking and a waitlist promotion. */
export function BookingSummary({ bookingId, event, quantity, totalCents, currency, ticketCodes }: BookedTickets) {
  return (
    <>
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Ends", value: formatEventTime(event.endsAt, event.timezone) },
          { label: "Tickets", value: String(quantity) },
          { label: "Total", value: totalCents === 0 ? "Free" : formatMoney(totalCents, currency) },
          { label: "Booking", value: bookingId },
        ]}
      />
      <TicketCodes codes={ticketCodes} />
    </>
  );
}
