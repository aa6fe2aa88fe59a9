import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { plural } from "./format";

export type OrderExpiredProps = {
  recipientName?: string;
  orderId: string;
  event: EventSummary;
  quantity: number;
  eventUrl: string;
  /** The hold was a waitlist offer: the seats went to the next person in line. */
  offer: boolean;
};

/** Sent once when an unpaid order's hold ends: nothing was charged and the seats were released. */
export default function OrderExpired({ recipientName, orderId, event, quantity, eventUrl, offer }: OrderExpiredProps) {
  return (
    <EmailLayout preview={`Your hold on ${plural(quantity, "seat", "seats")} for ${event.title} ended`} heading="Your hold expired">
      <Greeting name={recipientName} />
      <Paragraph>
        The {plural(quantity, "seat", "seats")} we held for you for <strong>{event.title}</strong> were not paid for in time, so{" "}
        {offer ? "they went to the next person on the waitlist" : "they were released"}. Nothing was charged.
      </Paragraph>
      <DetailTable rows={[...eventDetailRows(event), { label: "Order", value: orderId }]} />
      <Button href={eventUrl}>See the event</Button>
      <Paragraph muted>Still want to go? Order again from the event page while seats are left.</Paragraph>
    </EmailLayout>
  );
}

OrderExpired.PreviewProps = {
  recipientName: "Ann",
  orderId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: { title: "Jazz on the Roof", venue: "Skyline Terrace, 12 Harbour St, Lisbon", startsAt: "2026-03-14T19:00:00.000Z", timezone: "Europe/Lisbon" },
  quantity: 2,
  eventUrl: "http://localhost:3000/events/0b6f8d4e-3a51-4c8e-9d2a-1f7e6c5b4a39",
  offer: false,
} satisfies OrderExpiredProps;
