import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOrderReceipt } from "@/lib/checkout";
import { isDomainError } from "@/lib/domain/errors";
import { formatEventTime } from "@/lib/format/event-time";
import { formatMinorUnits } from "@/lib/format/money";
import { currentCtx, requireSession } from "@/lib/web/current-actor";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Receipt" };

type Props = { params: Promise<{ id: string }> };

/** A printable receipt of a paid order: organizer, buyer, items, discount, taxes, paid amount and date, refunds. */
export default async function ReceiptPage({ params }: Props) {
  const { id } = await params;
  await requireSession(`/orders/${id}/receipt`);
  const ctx = await currentCtx();
  const r = await getOrderReceipt({ ctx, input: { orderId: id } }).catch((error: unknown) => {
    if (isDomainError(error) && (error.kind === "NotFound" || error.kind === "Forbidden")) notFound();
    throw error;
  });
  const { order } = r;
  // A receipt states amounts, never "Free": a zero tax line is €0.00.
  const money = (cents: number) => formatMinorUnits(cents, order.currency, "en");
  const zone = r.event.timezone;
  return (
    <article className="mx-auto max-w-2xl space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm print:border-0 print:shadow-none" data-testid="receipt">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Receipt</h1>
          <p className="text-sm text-slate-600">Order {order.id}</p>
          <p className="text-sm text-slate-600">Paid {formatEventTime(new Date(r.paidAt), zone)}</p>
        </div>
        <PrintButton />
      </header>
      <section className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <h2 className="font-semibold text-slate-900">Sold by</h2>
          <p data-testid="receipt-organizer">{r.organizer.name || "The event's organizer"}</p>
          {r.organizer.email ? <p className="text-slate-600">{r.organizer.email}</p> : null}
          <p className="text-slate-600">through Evently</p>
        </div>
        <div>
          <h2 className="font-semibold text-slate-900">Bought by</h2>
          <p>{r.buyer.name}</p>
          <p className="text-slate-600">{r.buyer.email}</p>
        </div>
      </section>
      <section className="text-sm">
        <h2 className="font-semibold text-slate-900">{r.event.title}</h2>
        <p className="text-slate-600">
          {r.event.venue} · {formatEventTime(r.event.startsAt, zone)}
        </p>
      </section>
      <table className="w-full text-sm">
        <caption className="sr-only">Items and totals</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 font-medium">Item</th>
            <th scope="col" className="py-2 text-right font-medium">Qty</th>
            <th scope="col" className="py-2 text-right font-medium">Unit price</th>
            <th scope="col" className="py-2 text-right font-medium">Amount</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((line) => (
            <tr key={line.ticketTypeId} className="border-b border-slate-100">
              <td className="py-2">{line.name}</td>
              <td className="py-2 text-right">{line.quantity}</td>
              <td className="py-2 text-right">{money(line.unitPriceCents)}</td>
              <td className="py-2 text-right">{money(line.unitPriceCents * line.quantity)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-slate-600">Subtotal</th>
            <td className="py-1 text-right">{money(order.subtotalCents)}</td>
          </tr>
          {order.discountCents > 0 ? (
            <tr>
              <th scope="row" colSpan={3} className="py-1 text-right font-normal text-slate-600">Discount{order.promoCode ? ` (${order.promoCode})` : ""}</th>
              <td className="py-1 text-right">−{money(order.discountCents)}</td>
            </tr>
          ) : null}
          <tr>
            <th scope="row" colSpan={3} className="py-1 text-right font-normal text-slate-600">Taxes (included in the prices; none charged separately)</th>
            <td className="py-1 text-right" data-testid="receipt-taxes">{money(0)}</td>
          </tr>
          <tr className="border-t border-slate-300">
            <th scope="row" colSpan={3} className="py-2 text-right font-semibold">Paid</th>
            <td className="py-2 text-right font-semibold" data-testid="receipt-paid">{money(r.paidCents)}</td>
          </tr>
          {r.refundedCents > 0 ? (
            <tr>
              <th scope="row" colSpan={3} className="py-1 text-right font-normal text-slate-600">Refunded</th>
              <td className="py-1 text-right">−{money(r.refundedCents)}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      <p className="text-sm print:hidden">
        <Link href={`/orders/${order.id}`} className="text-brand-700 underline">
          Back to the order
        </Link>
      </p>
    </article>
  );
}
