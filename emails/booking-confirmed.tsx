import { EmailLayout } from "./components/layout";
import { BookingSummary, type BookedTickets } from "./components/booking-summary";
import { Button } from "./components/button";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type BookingConfirmedProps = BookedTickets & {
  recipientName?: string;
  bookingUrl: string;
};

export default function BookingConfirmed({ recipientName, bookingUrl, ...booking }: BookingConfirmedProps) {
  return (
    <EmailLayout
      preview={`${plural(booking.quantity, "ticket", "tickets")} for ${booking.event.title} — you're going!`}
      heading="Your booking is confirmed"
    >
      <Greeting name={recipientName} />
      <Paragraph>
        You have {plural(booking.quantity, "ticket", "tickets")} for <strong>{booking.event.title}</strong>. Show a
        ticket code at the entrance.
      </Paragraph>
      <BookingSummary {...booking} />
      <Button href={bookingUrl}>View your booking</Button>
      <Paragraph muted>The attached event.ics adds the event to your calendar.</Paragraph>
    </EmailLayout>
  );
}

BookingConfirmed.PreviewProps = {
  recipientName: "Ann",
  bookingId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: {
    title: "Jazz on the Roof",
    venue: "Skyline Terrace, 12 Harbour St, Lisbon",
    startsAt: "2026-03-14T19:00:00.000Z",
    endsAt: "2026-03-14T22:30:00.000Z",
    timezone: "Europe/Lisbon",
  },
  quantity: 2,
  totalCents: 1250,
  currency: "EUR",
  ticketCodes: ["TKT-8F3K-Q2ZP-7M4D", "TKT-J6WC-R9XB-2T5N"],
  bookingUrl: "http://localhost:3000/bookings/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
} satisfies BookingConfirmedProps;
