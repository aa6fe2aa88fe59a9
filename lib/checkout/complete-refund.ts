import { z } from "zod";
import { markOrderRefunded, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { executeRefund, refundRequester } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

export const completeRefundInput = z.object({
  refundId: z.uuid(),
  /** Who asked, for the buyer's notice; a refund nobody asked for (a late payment's) is the buyer's own order going back. */
  cancelledBy: refundRequester.default("holder"),
});

/**
 * Sends a requested refund through the provider (its idempotency key makes a retry safe), then,
 * when the refund undoes the order, marks the order refunded: its seats return and its tickets
 * stop being valid. A refund that leaves the order standing (a partial one, a second payment's)
 * answers null. Called inline by cancelOrder and refundOrder, and by the refund job until it succeeds.
 */
export async function completeRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof completeRefundInput> }): Promise<OrderView | null> {
  const { refundId, cancelledBy } = completeRefundInput.parse(input);
  const sys = asSystem(ctx);
  const refund = await executeRefund({ ctx: sys, input: { refundId } });
  if (!refund.returnsOrder) return null;
  return markOrderRefunded({ ctx: sys, input: { orderId: refund.orderId, amountCents: refund.amountCents, reason: refund.reason, cancelledBy } });
}
