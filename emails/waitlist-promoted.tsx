import { EmailLayout } from "./components/layout";
import { BookingSummary, type BookedTickets } from "./components/booking-summary";
import { Button } from "./components/button";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type WaitlistPromotedProps = BookedTickets & {
  recipientName?: string;
  bookingUrl: string;
};

export default function WaitlistPromoted({ recipientName, bookingUrl, ...booking }: WaitlistPromotedProps) {
  return (
    <EmailLayout
      preview={`Seats freed up: you now have ${plural(booking.quantity, "ticket", "tickets")} for ${booking.event.title}`}
      heading="You're off the waitlist"
    >
      <Greeting name={recipientName} />
      <Paragraph>
        Seats freed up for <strong>{booking.event.title}</strong>, and your place on the waitlist has become a
        confirmed booking of {plural(booking.quantity, "ticket", "tickets")}. There is nothing more you need to do.
      </Paragraph>
      <BookingSummary {...booking} />
      <Button href={bookingUrl}>View your booking</Button>
      <Paragraph muted>
        The attached event.ics adds the event to your calendar. Can no longer make it? Cancel the booking so someone
        else on the waitlist gets the seats.
      </Paragraph>
    </EmailLayout>
  );
}

WaitlistPromoted.PreviewProps = {
  recipientName: "Kenji",
  bookingId: "c2b1f0a4-5d3e-4f8a-8b6c-9e0d1a2b3c4d",
  event: {
    title: "Tokyo Indie Game Night",
    venue: "Shibuya Stream Hall, Tokyo",
    startsAt: "2026-05-02T10:00:00.000Z",
    endsAt: "2026-05-02T13:00:00.000Z",
  },
  quantity: 2,
  totalCents: 1200,
  currency: "JPY",
  ticketCodes: ["TKT-4HQN-W8ZR-3KDL", "TKT-P7VT-M2XC-9BGF"],
  bookingUrl: "http://localhost:3000/bookings/c2b1f0a4-5d3e-4f8a-8b6c-9e0d1a2b3c4d",
} satisfies WaitlistPromotedProps;
