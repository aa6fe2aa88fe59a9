import { z } from "zod";
import { listPaidOrders, type PaidOrderState } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { listPaymentsToReconcile, type PaymentMismatch, type PaymentReconciliationReport, type PaymentState } from "@/lib/domain/payments";

export const findPaymentMismatchesInput = z.object({
  /** How far back to look: orders paid and payments succeeded in the last `days` days. */
  days: z.number().int().min(1).max(366).default(35),
  /** Only these orders (a re-check of earlier suspects); the whole window when absent. */
  orderIds: z.array(z.uuid()).max(10_000).optional(),
});

const DAY_MS = 86_400_000;

/**
 * Checks the bookings and payments domains against each other: every confirmed order that took
 * money has a succeeded payment of exactly its amount and currency, and every succeeded payment
 * belongs to an order that stands confirmed, unless its money is on its way back (a refund
 * pending, as for a late payment). Each disagreement is one mismatch naming the order. Facts
 * in flight (a payment recorded a moment before its order confirms) look like mismatches too,
 * so the job re-checks suspects after a pause. Reads only; the system or a job calls it.
 */
export async function findPaymentMismatches({ ctx, input }: { ctx: Ctx; input: z.input<typeof findPaymentMismatchesInput> }): Promise<PaymentReconciliationReport> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const { days, orderIds } = findPaymentMismatchesInput.parse(input);
  // A re-check looks at the named orders only.
  const since = orderIds ? undefined : new Date(ctx.now().getTime() - days * DAY_MS);
  const only = orderIds ?? [];
  const [orders, payments] = await Promise.all([
    listPaidOrders({ ctx, input: { paidSince: since, orderIds: only } }),
    listPaymentsToReconcile({ ctx, input: { succeededSince: since, orderIds: only } }),
  ]);
  // Each side's rows bring in the other side's rows for the same orders, wherever they fall.
  const knownOrders = new Set(orders.map((o) => o.orderId));
  const knownPayments = new Set(payments.map((p) => p.orderId));
  const [moreOrders, morePayments] = await Promise.all([
    listPaidOrders({ ctx, input: { orderIds: payments.map((p) => p.orderId).filter((id) => !knownOrders.has(id)) } }),
    listPaymentsToReconcile({ ctx, input: { orderIds: orders.map((o) => o.orderId).filter((id) => !knownPayments.has(id)) } }),
  ]);
  const allOrders = [...orders, ...moreOrders];
  const allPayments = [...payments, ...morePayments];
  const checkedOrders = allOrders.filter((o) => !orderIds || orderIds.includes(o.orderId));
  const checkedPayments = allPayments.filter((p) => !orderIds || orderIds.includes(p.orderId));
  return {
    ordersChecked: checkedOrders.length,
    paymentsChecked: checkedPayments.filter((p) => p.status === "succeeded").length,
    mismatches: compare(checkedOrders, checkedPayments),
  };
}

const money = (cents: number, currency: string) => `${cents} ${currency}`;

function compare(orders: PaidOrderState[], payments: PaymentState[]): PaymentMismatch[] {
  const mismatches: PaymentMismatch[] = [];
  const orderById = new Map(orders.map((o) => [o.orderId, o]));
  const succeeded = payments.filter((p) => p.status === "succeeded");
  const paymentsOf = new Map<string, PaymentState[]>();
  for (const p of succeeded) paymentsOf.set(p.orderId, [...(paymentsOf.get(p.orderId) ?? []), p]);

  for (const order of orders) {
    if (order.status !== "confirmed" || order.totalCents === 0) continue;
    const paid = paymentsOf.get(order.orderId) ?? [];
    if (paid.length === 0) {
      mismatches.push({ kind: "paid_order_without_payment", orderId: order.orderId, paymentId: null, detail: `Confirmed for ${money(order.totalCents, order.currency)} with no succeeded payment.` });
    } else if (!paid.some((p) => p.amountCents === order.totalCents && p.currency === order.currency)) {
      const p = paid[0]!;
      mismatches.push({
        kind: "amount_mismatch",
        orderId: order.orderId,
        paymentId: p.paymentId,
        detail: `Order total ${money(order.totalCents, order.currency)}, payment ${money(p.amountCents, p.currency)}.`,
      });
    }
  }
  for (const p of succeeded) {
    const order = orderById.get(p.orderId);
    if (!order) {
      mismatches.push({ kind: "payment_without_order", orderId: p.orderId, paymentId: p.paymentId, detail: `Payment of ${money(p.amountCents, p.currency)} for an order that does not exist.` });
    } else if (order.status !== "confirmed" && p.refundPendingCents < p.amountCents) {
      mismatches.push({
        kind: "payment_order_not_confirmed",
        orderId: p.orderId,
        paymentId: p.paymentId,
        detail: `Payment of ${money(p.amountCents, p.currency)} succeeded but the order is ${order.status} and no refund of it is pending.`,
      });
    }
  }
  return mismatches;
}
