import type { OrderMoney } from "@/emails/components/order-lines";
import type { OrderView } from "@/lib/domain/bookings";

/** An order's lines and money as every order message shows them. */
export function orderMoney(order: OrderView): OrderMoney {
  return {
    lines: order.items.map(({ name, quantity, unitPriceCents }) => ({ name, quantity, unitPriceCents })),
    subtotalCents: order.subtotalCents,
    discountCents: order.discountCents,
    totalCents: order.totalCents,
    currency: order.currency,
    promoCode: order.promoCode,
  };
}
