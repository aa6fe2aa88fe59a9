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
  /** An online event's join link; these messages go to ticket holders only. */
  onlineUrl?: string | null;
};

/** The facts of a confirmed booking, shared by a direct booking and a waitlist promotion. */
export function BookingSummary({ bookingId, event, quantity, totalCents, currency, ticketCodes, onlineUrl }: BookedTickets) {
  return (
    <>
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Ends", value: formatEventTime(event.endsAt, event.timezone) },
          { label: "Tickets", value: String(quantity) },
          { label: "Total", value: totalCents === 0 ? "Free" : formatMoney(totalCents, currency) },
          { label: "Booking", value: bookingId },
          ...(onlineUrl ? [{ label: "Join online", value: <a href={onlineUrl}>{onlineUrl}</a> }] : []),
        ]}
      />
      <TicketCodes codes={ticketCodes} />
    </>
  );
}
