import { formatMoney } from "../format";
import { DetailTable } from "./detail-table";

/** An order's money as every order message shows it: a line per ticket type, then discount and total. */
export type OrderMoney = {
  lines: { name: string; quantity: number; unitPriceCents: number }[];
  /** Integer minor units of `currency` (cents, yen). */
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  /** ISO 4217 code. */
  currency: string;
  /** The code as the buyer typed it. */
  promoCode: string | null;
};

export function OrderLines({ lines, subtotalCents, discountCents, totalCents, currency, promoCode }: OrderMoney) {
  const money = (cents: number) => (cents === 0 ? "Free" : formatMoney(cents, currency));
  return (
    <DetailTable
      rows={[
        ...lines.map((line) => ({ label: `${line.quantity} × ${line.name}`, value: money(line.quantity * line.unitPriceCents) })),
        ...(discountCents > 0
          ? [
              { label: "Subtotal", value: money(subtotalCents) },
              { label: promoCode ? `Discount (${promoCode})` : "Discount", value: `−${formatMoney(discountCents, currency)}` },
            ]
          : []),
        { label: "Total", value: <strong>{money(totalCents)}</strong> },
      ]}
    />
  );
}
