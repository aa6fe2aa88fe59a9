import { randomUUID } from "node:crypto";
import { z } from "zod";
import { getOrderToManage, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { getRefund, requestRefund, type RefundView } from "@/lib/domain/payments";
import { completeRefund } from "./complete-refund";
import { asSystem } from "./system-ctx";

export const refundOrderBody = z.object({
  amountCents: z.number().int().min(1).max(100_000_000).optional().describe("Minor units of the order's currency; omitted: everything not yet refunded"),
  reason: z.string().trim().min(3, "must be at least 3 characters").max(500, "must be at most 500 characters").describe("Shown to the buyer in the refund email"),
});
export const refundOrderInput = refundOrderBody.extend({ orderId: z.string() });

/**
 * The organizer (rule `order:refund`) or an admin gives money back for a paid order, in full or
 * in part, with a reason the buyer reads. A refund that pays back everything left undoes the
 * order (its tickets stop being valid, its seats return to the event and the waitlist); a
 * partial one leaves the tickets valid. Over-refunding is 422, an order not paid 409.
 */
export async function refundOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof refundOrderInput> }): Promise<{ refund: RefundView; order: OrderView }> {
  const { orderId, amountCents, reason } = refundOrderInput.parse(input);
  const { organizerId: _organizer, ...order } = await getOrderToManage({ ctx, input: { orderId, action: "order:refund" } });
  if (order.status !== "confirmed" || !order.paidAt || order.payment?.status !== "succeeded") {
    throw new Conflict("ORDER_NOT_PAID", order.status === "refunded" ? "This order is already refunded in full." : "Only a paid, confirmed order can be refunded.");
  }
  const sys = asSystem(ctx);
  const requestedBy = ctx.actor.type === "user" && ctx.actor.role === "admin" ? "admin" : "organizer";
  const refund = await requestRefund({
    ctx: sys,
    // Each request is its own refund; the payment row lock in requestRefund keeps racing ones within what was paid.
    input: { orderId: order.id, amountCents, reason, idempotencyKey: `manual-refund:${randomUUID()}`, returnsOrder: "when_paid_back_in_full", requestedBy },
  });
  try {
    const after = await completeRefund({ ctx: sys, input: { refundId: refund.id, cancelledBy: requestedBy } });
    const made = await getRefund({ ctx: sys, input: { refundId: refund.id } });
    return { refund: made!.refund, order: after ?? order };
  } catch (error) {
    ctx.log.warn({ err: error, orderId: order.id, refundId: refund.id }, "payment.refund_deferred");
    return { refund, order };
  }
}
