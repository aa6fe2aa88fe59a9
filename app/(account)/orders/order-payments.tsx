import Link from "next/link";
import { formatPrice } from "@/app/(public)/_components/event-format";
import type { OrderPayments } from "@/lib/checkout";
import { formatEventTime } from "@/lib/format/event-time";

const PAYMENT_WORDS: Record<string, string> = { pending: "Processing", succeeded: "Paid", failed: "Failed", refunded: "Refunded" };
const REFUND_WORDS: Record<string, string> = { pending: "On its way", succeeded: "Refunded", failed: "Failed" };

/**
 * An order's money on its page: payment status, what was paid, every refund (how much, when,
 * why, whether the tickets stand), and the receipt. Times in the event's zone.
 */
export function OrderPaymentsPanel({ money, timeZone, receiptHref }: { money: OrderPayments; timeZone: string; receiptHref: string | null }) {
  const { order, refunds, paidCents, refundedCents } = money;
  if (order.totalCents === 0 && money.payments.length === 0) return null;
  const status = order.payment ? (PAYMENT_WORDS[order.payment.status] ?? order.payment.status) : "Not paid";
  const shownStatus = refundedCents > 0 && refundedCents < paidCents ? "Partly refunded" : status;
  return (
    <section aria-labelledby="payment-heading" className="space-y-3 rounded-lg border border-slate-200 p-4" data-testid="order-payment">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="payment-heading" className="text-base font-semibold text-slate-900">
          Payment
        </h2>
        {receiptHref ? (
          <Link href={receiptHref} className="text-sm font-medium text-brand-700 underline" data-testid="receipt-link">
            Receipt
          </Link>
        ) : null}
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">Status</dt>
        <dd data-testid="payment-status">{shownStatus}</dd>
        {paidCents > 0 ? (
          <>
            <dt className="text-slate-600">Paid</dt>
            <dd>{formatPrice(paidCents, order.currency)}</dd>
          </>
        ) : null}
        {refundedCents > 0 ? (
          <>
            <dt className="text-slate-600">Refunded</dt>
            <dd data-testid="refunded-total">{formatPrice(refundedCents, order.currency)}</dd>
          </>
        ) : null}
      </dl>
      {refunds.length > 0 ? (
        <ul className="space-y-2 text-sm" data-testid="refunds">
          {refunds.map((r) => (
            <li key={r.id} className="rounded-md bg-slate-50 p-3" data-testid="refund">
              <p className="font-medium text-slate-900">
                {formatPrice(r.amountCents, r.currency)} · {REFUND_WORDS[r.status] ?? r.status}
                {r.succeededAt ? ` on ${formatEventTime(new Date(r.succeededAt), timeZone)}` : ""}
              </p>
              <p className="text-slate-700">{r.reason}</p>
              <p className="text-slate-600">{r.returnsOrder ? "The tickets of this order are no longer valid." : "Partial refund: the tickets stay valid."}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** What the buyer may do about a paid order, in words: the self-service refund window. */
export function refundWindowWords(money: OrderPayments, timeZone: string): string {
  const w = money.selfServiceRefund;
  if (w.until === null) return "This event does not offer refunds on request. Contact the organizer if you cannot attend.";
  const until = formatEventTime(new Date(w.until), timeZone);
  return w.open ? `You can cancel for a full refund until ${until}.` : `Refunds on request ended ${until}. Contact the organizer if you cannot attend.`;
}
