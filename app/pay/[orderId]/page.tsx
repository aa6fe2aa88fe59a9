import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatPrice } from "@/app/(public)/_components/event-format";
import { Alert } from "@/app/_components/ui/alert";
import { getTestCheckout } from "@/lib/checkout";
import { isDomainError } from "@/lib/domain/errors";
import { formatEventTime } from "@/lib/format/event-time";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { PayForm } from "./pay-form";

export const metadata: Metadata = { title: "Pay for your order", robots: { index: false } };

const DONE: Record<string, string> = {
  confirmed: "This order is paid. Your tickets are ready.",
  expired: "The time to pay for this order has run out, and its seats are no longer reserved.",
  cancelled: "This order was cancelled.",
  refunded: "This order was refunded.",
};

/**
 * The test provider's hosted checkout: looks and behaves like a real provider's page (summary,
 * card form, countdown), takes only test cards, and sends the buyer back to the order page.
 */
export default async function PayPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  await requireSession(`/pay/${orderId}`);
  const ctx = await currentCtx();
  const { order, event, lastFailure } = await getTestCheckout({ ctx, input: { orderId } }).catch((error: unknown) => {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden")) notFound();
    throw error;
  });
  const total = formatPrice(order.totalCents, order.currency);
  const payable = order.status === "awaiting_payment" && order.payment?.status !== "succeeded";

  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-[1fr_1.1fr] md:items-start">
      <section aria-labelledby="summary-title" className="rounded-xl bg-slate-900 p-6 text-slate-100">
        <p className="text-xs font-semibold uppercase tracking-wider text-slate-400">Evently test checkout</p>
        <h1 id="summary-title" className="mt-2 text-xl font-semibold break-words">
          {event?.title ?? "Your order"}
        </h1>
        {event ? <p className="mt-1 text-sm text-slate-300">{formatEventTime(new Date(event.startsAt), event.timeZone, { style: "long" })}</p> : null}
        <ul className="mt-6 space-y-2 text-sm">
          {order.items.map((line) => (
            <li key={line.ticketTypeId} className="flex justify-between gap-4">
              <span className="min-w-0 break-words">
                {line.quantity} × {line.name}
              </span>
              <span className="tabular-nums">{formatPrice(line.unitPriceCents * line.quantity, order.currency)}</span>
            </li>
          ))}
          {order.discountCents > 0 ? (
            <li className="flex justify-between gap-4 text-emerald-300">
              <span>Discount{order.promoCode ? ` (${order.promoCode})` : ""}</span>
              <span className="tabular-nums">−{formatPrice(order.discountCents, order.currency)}</span>
            </li>
          ) : null}
        </ul>
        <p className="mt-6 flex items-baseline justify-between border-t border-slate-700 pt-4">
          <span className="text-sm text-slate-300">Total</span>
          <span className="text-3xl font-bold tabular-nums" data-testid="pay-total">
            {total}
          </span>
        </p>
        <Link href={`/orders/${order.id}`} className="mt-6 inline-block text-sm text-slate-300 underline">
          Back to your order
        </Link>
      </section>

      <section aria-labelledby="pay-title" className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="pay-title" className="text-lg font-semibold text-slate-900">
          Pay with card
        </h2>
        <p className="mt-1 mb-4 text-xs text-slate-500">
          Test mode: no money moves. Use 4242 4242 4242 4242 to pay, or 4000 0000 0000 0002 to see a declined card, with any
          future expiry date and any 3 digits.
        </p>
        {payable ? (
          <PayForm orderId={order.id} totalLabel={total} expiresAt={order.expiresAt} lastFailure={lastFailure} />
        ) : (
          <Alert tone={order.status === "confirmed" ? "success" : "info"}>
            {DONE[order.status] ?? "This order's payment is being processed."}{" "}
            <Link href={`/orders/${order.id}`} className="font-medium underline">
              View your order
            </Link>
          </Alert>
        )}
      </section>
    </div>
  );
}
