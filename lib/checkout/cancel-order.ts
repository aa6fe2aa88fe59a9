import { cancelOrder as cancelOrderInDomain, markOrderRefunded } from "@/lib/domain/bookings";
import { system, type Ctx } from "@/lib/domain/context";

/**
 * Cancels an order for its buyer, the organizer or an admin. An unpaid or free one is cancelled
 * by the domain; a paid one is refunded in full and marked refunded. The test provider moves no
 * money, so its refund is only recorded; the payments module refunds through its provider here.
 */
export async function cancelOrder(ctx: Ctx, orderId: string) {
  const { order, refundDue } = await cancelOrderInDomain({ ctx, input: { orderId } });
  if (!refundDue) return order;
  return markOrderRefunded({
    ctx: { ...ctx, actor: system },
    input: { orderId, amountCents: refundDue.amountCents, reason: "cancelled", cancelledBy: ctx.actor.type === "user" && ctx.actor.userId === order.userId ? "holder" : "organizer" },
  });
}
