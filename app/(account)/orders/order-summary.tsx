import { formatPrice } from "@/app/(public)/_components/event-format";
import type { OrderView } from "@/lib/domain/bookings";

/** What the order contains and costs: one line per ticket type, then subtotal, discount and total. */
export function OrderSummary({ order }: { order: OrderView }) {
  const money = (cents: number) => formatPrice(cents, order.currency);
  return (
    <table className="w-full text-sm" data-testid="order-summary">
      <caption className="sr-only">Order summary</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {order.items.map((line) => (
          <tr key={line.ticketTypeId} data-testid="order-line">
            <td className="py-2 pr-4 text-slate-800">
              {line.quantity} × {line.name} <span className="text-slate-500">at {money(line.unitPriceCents)}</span>
            </td>
            <td className="py-2 text-right tabular-nums text-slate-800">{money(line.quantity * line.unitPriceCents)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot className="border-t border-slate-200">
        {order.discountCents > 0 ? (
          <>
            <tr>
              <th scope="row" className="pt-2 text-left font-normal text-slate-700">
                Subtotal
              </th>
              <td className="pt-2 text-right tabular-nums text-slate-700">{money(order.subtotalCents)}</td>
            </tr>
            <tr>
              <th scope="row" className="text-left font-normal text-emerald-700">
                Discount{order.promoCode ? ` (${order.promoCode})` : ""}
              </th>
              <td className="text-right tabular-nums text-emerald-700" data-testid="order-discount">
                −{money(order.discountCents)}
              </td>
            </tr>
          </>
        ) : null}
        <tr>
          <th scope="row" className="pt-2 text-left text-base font-semibold text-slate-900">
            Total
          </th>
          <td className="pt-2 text-right text-base font-semibold tabular-nums text-slate-900" data-testid="order-total">
            {money(order.totalCents)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
