import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type ScheduledEvent } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { OrderLines, type OrderMoney } from "./components/order-lines";
import { Paragraph } from "./components/paragraph";
import { TypedTickets, type TypedTicket } from "./components/typed-tickets";
import { formatEventTime, plural } from "./format";

export type OrderConfirmedProps = OrderMoney & {
  recipientName?: string;
  orderId: string;
  event: ScheduledEvent;
  tickets: TypedTicket[];
  orderUrl: string;
  /** Paid through the waitlist's offer, or booked from it for free: the wording says so. */
  fromWaitlist: boolean;
  /** An online event's join link; this message goes to ticket holders only. */
  onlineUrl?: string | null;
};

/** The one confirmation of an order, free or paid: each ticket with its type and code, and what it cost. */
export default function OrderConfirmed({ recipientName, orderId, event, tickets, orderUrl, fromWaitlist, onlineUrl, ...money }: OrderConfirmedProps) {
  const count = plural(tickets.length, "ticket", "tickets");
  return (
    <EmailLayout preview={`${count} for ${event.title} — you're going!`} heading={money.totalCents === 0 ? "Your order is confirmed" : "Payment received: your tickets"}>
      <Greeting name={recipientName} />
      <Paragraph>
        {fromWaitlist ? "Seats freed up and your place on the waitlist became an order: you" : "You"} have {count} for <strong>{event.title}</strong>. Show a
        ticket code at the entrance; the order page has a QR code for each.
      </Paragraph>
      <DetailTable
        rows={[
          ...eventDetailRows(event),
          { label: "Ends", value: formatEventTime(event.endsAt, event.timezone) },
          { label: "Order", value: orderId },
          ...(onlineUrl ? [{ label: "Join online", value: <a href={onlineUrl}>{onlineUrl}</a> }] : []),
        ]}
      />
      <OrderLines {...money} />
      <TypedTickets tickets={tickets} />
      <Button href={orderUrl}>View your tickets</Button>
      <Paragraph muted>The attached event.ics adds the event to your calendar. Can no longer make it? Cancel the order from its page.</Paragraph>
    </EmailLayout>
  );
}

OrderConfirmed.PreviewProps = {
  recipientName: "Ann",
  orderId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: {
    title: "Jazz on the Roof",
    venue: "Skyline Terrace, 12 Harbour St, Lisbon",
    startsAt: "2026-03-14T19:00:00.000Z",
    endsAt: "2026-03-14T22:30:00.000Z",
    timezone: "Europe/Lisbon",
  },
  lines: [
    { name: "Standard", quantity: 2, unitPriceCents: 2500 },
    { name: "Backstage", quantity: 1, unitPriceCents: 6000 },
  ],
  subtotalCents: 11000,
  discountCents: 1100,
  totalCents: 9900,
  currency: "EUR",
  promoCode: "ROOF10",
  tickets: [
    { typeName: "Standard", code: "TKT-8F3K-Q2ZP-7M4D" },
    { typeName: "Standard", code: "TKT-J6WC-R9XB-2T5N" },
    { typeName: "Backstage", code: "TKT-5RNA-H3KT-8WQE" },
  ],
  orderUrl: "http://localhost:3000/orders/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  fromWaitlist: false,
} satisfies OrderConfirmedProps;
