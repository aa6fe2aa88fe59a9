import { EmailLayout } from "./components/layout";
import { Button } from "./components/button";
import { DetailTable } from "./components/detail-table";
import { eventDetailRows, type EventSummary } from "./components/event-details";
import { Greeting } from "./components/greeting";
import { Paragraph } from "./components/paragraph";
import { formatMoney } from "./format";

export type OrderRefundedProps = {
  recipientName?: string;
  orderId: string;
  event: EventSummary;
  quantity: number;
  /** This refund, in integer minor units of `currency`. */
  amountCents: number;
  currency: string;
  /** What the order's payment took, and what has gone back so far including this refund. */
  paidCents: number;
  refundedCents: number;
  /** Where the money goes, in the buyer's words ("the card you paid with"). */
  destination: string;
  /** Why, as whoever refunded it said (the organizer's reason, the cancellation, the late payment). */
  reason: string;
  /** True: the order is undone and its tickets no longer work. False: the tickets stay valid. */
  ticketsCancelled: boolean;
  /** When the money usually shows up, as the provider says. */
  arrival: string;
  orderUrl: string;
};

/** Sent once per refund the provider made: how much, to what, why, and what became of the tickets. */
export default function OrderRefunded(p: OrderRefundedProps) {
  const amount = formatMoney(p.amountCents, p.currency);
  const full = p.refundedCents >= p.paidCents;
  return (
    <EmailLayout preview={`${amount} refunded for ${p.event.title}`} heading={full ? "Your order is refunded" : "Part of your payment is refunded"}>
      <Greeting name={p.recipientName} />
      <Paragraph>
        We refunded <strong>{amount}</strong> to {p.destination} for your order for <strong>{p.event.title}</strong>. {p.arrival}
      </Paragraph>
      <Paragraph>Why: {p.reason}</Paragraph>
      <Paragraph>
        {p.ticketsCancelled
          ? `${p.quantity === 1 ? "Your ticket is" : `Your ${p.quantity} tickets are`} cancelled: the ticket codes no longer work.`
          : `${p.quantity === 1 ? "Your ticket stays" : `Your ${p.quantity} tickets stay`} valid: this refund does not cancel the order.`}
      </Paragraph>
      <DetailTable
        rows={[
          ...eventDetailRows(p.event),
          { label: "Refunded now", value: amount },
          { label: "Paid", value: formatMoney(p.paidCents, p.currency) },
          { label: "Refunded in total", value: formatMoney(p.refundedCents, p.currency) },
          { label: "Order", value: p.orderId },
        ]}
      />
      <Button href={p.orderUrl}>See your order</Button>
    </EmailLayout>
  );
}

OrderRefunded.PreviewProps = {
  recipientName: "Ann",
  orderId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  event: { title: "Jazz on the Roof", venue: "Skyline Terrace, 12 Harbour St, Lisbon", startsAt: "2026-03-14T19:00:00.000Z", timezone: "Europe/Lisbon" },
  quantity: 2,
  amountCents: 1500,
  currency: "EUR",
  paidCents: 5000,
  refundedCents: 1500,
  destination: "the card you paid with",
  reason: "The support act cancelled; part of the ticket price comes back.",
  ticketsCancelled: false,
  arrival: "It usually shows up within 5 to 10 business days.",
  orderUrl: "http://localhost:3000/orders/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
} satisfies OrderRefundedProps;
