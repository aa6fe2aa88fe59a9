import { z } from "zod";
import { cancelOrder as cancelBookingsOrder, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { requestRefund } from "@/lib/domain/payments";
import { completeRefund } from "./complete-refund";
import { assertSelfServiceRefundOpen } from "./self-service-refund";
import { asSystem } from "./system-ctx";

export const cancelOrderInput = z.object({ orderId: z.string() });

/**
 * Cancels an order for its buyer, the event's organizer or an admin. An unpaid or free order
 * is cancelled by bookings at once. A paid one is refunded (what is left of its payment) through
 * the provider first,
 * then marked refunded; its buyer may do that only within the event's self-service refund
 * window (409 outside it). The refund is recorded (with its job) before the provider is called,
 * so if the call fails the job finishes it and the answer is still the order as it stands.
 */
export async function cancelOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelOrderInput> }): Promise<OrderView> {
  const { orderId } = cancelOrderInput.parse(input);
  const { order, refundDue } = await cancelBookingsOrder({ ctx, input: { orderId } });
  if (!refundDue) return order;
  const sys = asSystem(ctx);
  const cancelledBy = ctx.actor.type === "user" && ctx.actor.userId === order.userId ? "holder" : ctx.actor.type === "user" && ctx.actor.role !== "admin" ? "organizer" : "admin";
  if (cancelledBy === "holder") await assertSelfServiceRefundOpen(sys, order.eventId);
  const refund = await requestRefund({
    ctx: sys,
    input: {
      orderId: order.id,
      reason: cancelledBy === "holder" ? "You cancelled the order." : "The organizer cancelled the order.",
      idempotencyKey: `order-cancelled:${order.id}`,
      requestedBy: cancelledBy,
    },
  });
  try {
    return (await completeRefund({ ctx: sys, input: { refundId: refund.id, cancelledBy } }))!;
  } catch (error) {
    ctx.log.warn({ err: error, orderId: order.id, refundId: refund.id }, "payment.refund_deferred");
    return order;
  }
}
