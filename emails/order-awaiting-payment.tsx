import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { OrderLines, type OrderMoney } from "./components/order-lines";
import { Paragraph } from "./components/paragraph";
import { formatEventTime } from "./format";

export type OrderAwaitingPaymentProps = OrderMoney & {
  recipientName?: string;
  orderId: string;
  event: EventSummary;
  payUrl: string;
  /** ISO instant the hold ends; shown in the event's zone. */
  expiresAt: string;
  /** A waitlist offer: seats freed up and are held for this person, who has not chosen them just now. */
  offer: boolean;
};

/**
 * Sent once when an order starts waiting for payment: a direct checkout ("complete your payment")
 * or a waitlist offer for a paid event ("seats freed up for you"), with the pay link and deadline.
 */
export default function OrderAwaitingPayment({ recipientName, orderId, event, payUrl, expiresAt, offer, ...money }: OrderAwaitingPaymentProps) {
  const deadline = formatEventTime(expiresAt, event.timezone);
  return (
    <EmailLayout
      preview={offer ? `Seats freed up for ${event.title}: pay by ${deadline} to keep them` : `Complete your payment by ${deadline} to keep your seats`}
      heading={offer ? "Seats freed up for you" : "Complete your payment"}
    >
      <Greeting name={recipientName} />
      {offer ? (
        <Paragraph>
          Seats freed up for <strong>{event.title}</strong> and you are next on the waitlist. We are holding them for you until{" "}
          <strong>{deadline}</strong>: pay by then and they are yours. After that they go to the next person in line.
        </Paragraph>
      ) : (
        <Paragraph>
          Your seats for <strong>{event.title}</strong> are held until <strong>{deadline}</strong>. Pay by then to get your tickets;
          after that the seats go back on sale.
        </Paragraph>
      )}
      <DetailTable rows={[...eventDetailRows(event), { label: "Pay by", value: deadline }, { label: "Order", value: orderId }]} />
      <OrderLines {...money} />
      <Button href={payUrl}>{offer ? "Pay and keep the seats" : "Complete your payment"}</Button>
      <Paragraph muted>Don&apos;t want them? Ignore this message: nothing is charged and the seats are released when the hold ends.</Paragraph>
    </EmailLayout>
  );
}

OrderAwaitingPayment.PreviewProps = {
  recipientName: "Ann",
  orderId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: { title: "Jazz on the Roof", venue: "Skyline Terrace, 12 Harbour St, Lisbon", startsAt: "2026-03-14T19:00:00.000Z", timezone: "Europe/Lisbon" },
  lines: [{ name: "Standard", quantity: 2, unitPriceCents: 2500 }],
  subtotalCents: 5000,
  discountCents: 0,
  totalCents: 5000,
  currency: "EUR",
  promoCode: null,
  payUrl: "http://localhost:3000/orders/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  expiresAt: "2026-03-01T10:10:00.000Z",
  offer: false,
} satisfies OrderAwaitingPaymentProps;
