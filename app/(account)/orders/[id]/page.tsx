import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { buttonClass } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/card";
import { getOrderCheckout, getOrderPayments } from "@/lib/checkout";
import type { OrderView } from "@/lib/domain/bookings";
import { isDomainError } from "@/lib/domain/errors";
import { getEventsByIds } from "@/lib/domain/events";
import { formatEventTime } from "@/lib/format/event-time";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { CancelOrderButton } from "../cancel-order-button";
import { holdLapsed, orderStatusWords } from "../order-status";
import { OrderPaymentsPanel, refundWindowWords } from "../order-payments";
import { OrderSummary } from "../order-summary";
import { OrderTickets } from "../order-tickets";
import { EventActions } from "@/app/(public)/events/[id]/event-actions";
import { env } from "@/lib/env";
import { ApplyPromoForm } from "./apply-promo-form";
import { ConfirmingPayment } from "./confirming-payment";
import { HoldCountdown } from "./hold-countdown";

export const metadata: Metadata = { title: "Your order" };

type Props = { params: Promise<{ id: string }> };

/** Why an order that gives no tickets ended, in plain words. */
function endedNotice(order: OrderView, lapsed: boolean, refundedCents: number) {
  if (lapsed || order.status === "expired") {
    return order.payment?.status === "succeeded"
      ? "Your payment arrived after your hold ended and the seats could not be kept for you. The full amount will be refunded."
      : "Your hold ended before payment, so the seats were released. Nothing was charged.";
  }
  if (order.status === "refunded") {
    return refundedCents > 0
      ? `This order was refunded: ${formatPrice(refundedCents, order.currency)} went back to the card you paid with. Its tickets are no longer valid.`
      : `This order is being refunded to the card you paid with. Its tickets are no longer valid.`;
  }
  if (order.cancelledBy === "event_cancelled" && order.paidAt) return "The event was cancelled, and this order with it. Your payment is being refunded in full.";
  if (order.cancelledBy === "event_cancelled") return "The event was cancelled, and this order with it.";
  if (order.cancelledBy === "organizer" || order.cancelledBy === "admin") return "The organizer cancelled this order.";
  return "You cancelled this order and its seats were released.";
}

/**
 * One order through its life: checkout while awaiting payment (summary, promo code, countdown,
 * Pay, Cancel), "Confirming your payment…" once the provider took the money, tickets with
 * QR codes once confirmed, and a plain explanation once it ended.
 */
export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  await requireSession(`/orders/${id}`);
  const ctx = await currentCtx();
  const { order, paymentProcessing, lastFailure } = await getOrderCheckout({ ctx, input: { orderId: id } }).catch((error: unknown) => {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden" || error.kind === "Validation")) notFound();
    throw error;
  });
  const [[event], money] = await Promise.all([getEventsByIds({ ctx, input: { ids: [order.eventId] } }), getOrderPayments({ ctx, input: { orderId: order.id } })]);
  const timeZone = event?.timezone ?? "UTC";
  const paid = money.paidCents > 0;
  const now = ctx.now();
  const lapsed = holdLapsed(order, now);
  // A cancel whose refund the provider has not confirmed yet (it failed for now; the refund job
  // keeps trying): the order still stands, but it is on its way out, and the page says so.
  const refundRequested = order.status === "confirmed" && money.refunds.some((r) => r.status === "pending" && r.returnsOrder);
  const status = refundRequested ? { label: "Refund requested", tone: "over" as const } : orderStatusWords(order, now);
  const awaiting = order.status === "awaiting_payment" && !lapsed;
  const mine = ctx.actor.type === "user" && ctx.actor.userId === order.userId;
  // What the buyer may still change: nothing once the event started or is off; names until the organizer's deadline.
  const changeable = mine && event?.status === "published" && event.startsAt > now;
  const changes = { names: Boolean(changeable && (!event?.nameChangeDeadline || event.nameChangeDeadline > now)), transfers: Boolean(changeable && event?.transfersAllowed) };

  return (
    <>
      <PageHeader
        title={awaiting ? "Checkout" : "Your order"}
        description={event ? `${event.title} · ${event.venue} · ${formatEventTime(event.startsAt, event.timezone)}` : undefined}
        actions={
          <Link href="/orders" className="text-sm text-brand-700 underline">
            All orders
          </Link>
        }
      />
      <article className="max-w-2xl space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="order" data-order-id={order.id}>
        <header className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-600">Order {order.id.slice(0, 8).toUpperCase()}</p>
          <span
            className={`rounded-full px-3 py-1 text-xs font-medium ${status.tone === "good" ? "bg-emerald-100 text-emerald-800" : status.tone === "waiting" ? "bg-amber-100 text-amber-900" : "bg-slate-200 text-slate-700"}`}
            data-testid="order-status"
          >
            {status.label}
          </span>
        </header>
        <OrderSummary order={order} />

        {awaiting && paymentProcessing ? <ConfirmingPayment /> : null}
        {awaiting && !paymentProcessing ? (
          <div className="space-y-4">
            {order.expiresAt ? <HoldCountdown expiresAt={order.expiresAt} /> : null}
            {lastFailure || order.payment?.status === "failed" ? (
              <Alert tone="error">Your last payment did not go through{lastFailure ? ` (${lastFailure.replace(/\.$/, "")})` : ""}. Nothing was charged; you can try again.</Alert>
            ) : null}
            {mine && !order.promoCode ? <ApplyPromoForm orderId={order.id} /> : null}
            <div className="flex flex-wrap items-center gap-3">
              {mine && order.payment?.checkoutUrl ? (
                <a href={order.payment.checkoutUrl} className={buttonClass("primary")} data-testid="pay-link">
                  Pay {formatPrice(order.totalCents, order.currency)}
                </a>
              ) : mine ? (
                <p className="text-sm text-slate-600">Preparing your payment page… reload in a moment.</p>
              ) : null}
              <CancelOrderButton orderId={order.id} paid={false} />
            </div>
          </div>
        ) : null}

        {order.status === "confirmed" ? (
          <>
            <Alert tone="success">
              {order.totalCents === 0 ? "You're going! Show a ticket's code or QR code at the entrance." : "Payment received, you're going! Show a ticket's code or QR code at the entrance."}
            </Alert>
            <div className="flex flex-wrap items-center gap-3">
              <a href={`/orders/${order.id}/tickets.pdf`} className={buttonClass("secondary")} data-testid="tickets-pdf" download>
                Download tickets (PDF)
              </a>
            </div>
            {event ? <EventActions event={event} pageUrl={new URL(`/events/${event.id}`, env.APP_URL).toString()} icsHref={`/orders/${order.id}/calendar.ics`} share={false} /> : null}
            {changes.names && event?.nameChangeDeadline ? (
              <p className="text-sm text-slate-600">Attendee names can be changed until {formatEventTime(event.nameChangeDeadline, event.timezone)}.</p>
            ) : null}
            <OrderTickets order={order} changes={changes} />
            {paid && mine ? (
              <p className="text-sm text-slate-600" data-testid="refund-window">
                {refundWindowWords(money, timeZone)}
              </p>
            ) : null}
            {refundRequested ? (
              <Alert tone="info">
                <span data-testid="refund-requested">
                  This order is cancelled and its refund of {formatPrice(money.pendingRefundCents, order.currency)} is requested. This page shows it as refunded once the card
                  provider confirms it.
                </span>
              </Alert>
            ) : !paid || !mine || money.selfServiceRefund.open ? (
              <CancelOrderButton orderId={order.id} paid={paid} />
            ) : null}
          </>
        ) : null}
        <OrderPaymentsPanel money={money} timeZone={timeZone} receiptHref={paid ? `/orders/${order.id}/receipt` : null} />

        {!awaiting && order.status !== "confirmed" ? (
          <Alert tone="info">
            <span data-testid="order-ended">{endedNotice(order, lapsed, money.refundedCents)}</span>{" "}
            {lapsed || order.status === "expired" ? (
              <Link href={`/events/${order.eventId}`} className="font-medium underline">
                Try again
              </Link>
            ) : null}
          </Alert>
        ) : null}
      </article>
    </>
  );
}
