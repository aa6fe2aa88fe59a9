import { EmailLayout } from "./components/layout";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type BookingCancelledProps = {
  recipientName?: string;
  bookingId: string;
  event: EventSummary;
  quantity: number;
  /** Who cancelled: the ticket holder themselves, or the event's organizer (or an admin on their behalf). */
  cancelledBy: "you" | "organizer";
};

export default function BookingCancelled({ recipientName, bookingId, event, quantity, cancelledBy }: BookingCancelledProps) {
  const tickets = plural(quantity, "ticket", "tickets");
  return (
    <EmailLayout preview={`Your booking for ${event.title} is cancelled`} heading="Your booking is cancelled">
      <Greeting name={recipientName} />
      <Paragraph>
        {cancelledBy === "you"
          ? `As you asked, we cancelled your booking of ${tickets} for ${event.title}.`
          : `The organizer of ${event.title} cancelled your booking of ${tickets}.`}{" "}
        The ticket codes no longer work and the seats have been released.
      </Paragraph>
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Tickets", value: String(quantity) },
          { label: "Booking", value: bookingId },
        ]}
      />
      <Paragraph muted>
        {cancelledBy === "you"
          ? "Changed your mind? If seats are still available, you can book again on the event page."
          : "If you have questions about this cancellation, please contact the organizer."}
      </Paragraph>
    </EmailLayout>
  );
}

BookingCancelled.PreviewProps = {
  recipientName: "Ann",
  bookingId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: {
    title: "Jazz on the Roof",
    venue: "Skyline Terrace, 12 Harbour St, Lisbon",
    startsAt: "2026-03-14T19:00:00.000Z",
  },
  quantity: 2,
  cancelledBy: "organizer",
} satisfies BookingCancelledProps;
