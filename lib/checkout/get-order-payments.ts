import { z } from "zod";
import { getOrder, getOrderToManage, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { listOrderPayments, listOrderRefunds, type PaymentView, type RefundView } from "@/lib/domain/payments";
import { selfServiceRefundOf, type SelfServiceRefund } from "./self-service-refund";
import { asSystem } from "./system-ctx";

export const getOrderPaymentsInput = z.object({
  orderId: z.string(),
  /** The buyer's order page, or the organizer's order view (rule `order:view`). */
  as: z.enum(["buyer", "organizer"]).default("buyer"),
});

export type OrderPayments = {
  order: OrderView;
  payments: PaymentView[];
  refunds: RefundView[];
  /** What succeeded payments took and succeeded refunds gave back, in the order's currency. */
  paidCents: number;
  refundedCents: number;
  /** Refunds asked for and not yet made by the provider. */
  pendingRefundCents: number;
  selfServiceRefund: SelfServiceRefund;
};

/** An order's money as its pages show it: attempts, refunds, totals and the buyer's refund window. */
export async function getOrderPayments({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrderPaymentsInput> }): Promise<OrderPayments> {
  const { orderId, as } = getOrderPaymentsInput.parse(input);
  const order = as === "organizer" ? await getOrderToManage({ ctx, input: { orderId, action: "order:view" } }) : await getOrder({ ctx, input: { orderId } });
  const sys = asSystem(ctx);
  const [payments, refunds, selfServiceRefund] = await Promise.all([
    listOrderPayments({ ctx: sys, input: { orderId: order.id } }),
    listOrderRefunds({ ctx: sys, input: { orderId: order.id } }),
    selfServiceRefundOf(sys, order.eventId),
  ]);
  const sum = (xs: { amountCents: number }[]) => xs.reduce((n, x) => n + x.amountCents, 0);
  return {
    order,
    payments,
    refunds,
    paidCents: sum(payments.filter((p) => p.status === "succeeded" || p.status === "refunded")),
    refundedCents: sum(refunds.filter((r) => r.status === "succeeded")),
    pendingRefundCents: sum(refunds.filter((r) => r.status === "pending")),
    selfServiceRefund,
  };
}
