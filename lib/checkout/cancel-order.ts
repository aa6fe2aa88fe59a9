import { z } from "zod";
import { cancelOrder as cancelBookingsOrder, markOrderRefunded, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";

export const cancelOrderInput = z.object({ orderId: z.string() });

/** Cancels an order; a paid one is marked refunded (the payments branch replaces this with a refund through the provider). */
export async function cancelOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelOrderInput> }): Promise<OrderView> {
  const { orderId } = cancelOrderInput.parse(input);
  const { order, refundDue } = await cancelBookingsOrder({ ctx, input: { orderId } });
  if (!refundDue) return order;
  return markOrderRefunded({ ctx: { ...ctx, actor: { type: "system" } }, input: { orderId, amountCents: refundDue.amountCents, reason: "The order was cancelled." } });
}
