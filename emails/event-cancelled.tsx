import { EmailLayout } from "./components/layout";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { formatMoney, plural } from "./format";

export type EventCancelledProps = {
  recipientName?: string;
  event: EventSummary;
  bookingId: string;
  quantity: number;
  /** Integer minor units of `currency`: what the booking cost, hence what is refunded. */
  totalCents: number;
  currency: string;
  /** What the organizer said when cancelling; older messages have none. */
  reason?: string | null;
};

export default function EventCancelled({ recipientName, event, bookingId, quantity, totalCents, currency, reason }: EventCancelledProps) {
  return (
    <EmailLayout preview={`${event.title} has been cancelled by the organizer`} heading="This event has been cancelled">
      <Greeting name={recipientName} />
      <Paragraph>
        We&apos;re sorry: the organizer cancelled <strong>{event.title}</strong>. Your booking of{" "}
        {plural(quantity, "ticket", "tickets")} is cancelled and its ticket codes no longer work.
      </Paragraph>
      {reason ? (
        <Paragraph>
          The organizer&apos;s reason: &ldquo;{reason}&rdquo;
        </Paragraph>
      ) : null}
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Tickets", value: String(quantity) },
          { label: "Booking", value: bookingId },
        ]}
      />
      <Paragraph>
        {totalCents === 0
          ? "Your tickets were free, so there is nothing to refund."
          : `You will get a full refund of ${formatMoney(totalCents, currency)} to the payment method you used.`}
      </Paragraph>
      <Paragraph muted>There is nothing you need to do.</Paragraph>
    </EmailLayout>
  );
}

EventCancelled.PreviewProps = {
  recipientName: "Ann",
  event: {
    title: "Jazz on the Roof",
    venue: "Skyline Terrace, 12 Harbour St, Lisbon",
    startsAt: "2026-03-14T19:00:00.000Z",
  },
  bookingId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  quantity: 2,
  totalCents: 1250,
  currency: "EUR",
  reason: "The venue flooded; we are looking for a new date.",
} satisfies EventCancelledProps;
