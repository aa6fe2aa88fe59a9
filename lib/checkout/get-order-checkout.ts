import { z } from "zod";
import { getOrder, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { listOrderPayments } from "@/lib/domain/payments";
import { asSystem } from "./system-ctx";

export const getOrderCheckoutInput = z.object({ orderId: z.string() });

export type OrderCheckout = {
  order: OrderView;
  /**
   * The buyer paid and the provider's notification has not settled the order yet (usually a
   * second or two): the latest attempt is still pending, or succeeded but not yet applied.
   */
  paymentProcessing: boolean;
  /** Why the last attempt was refused, while the order still waits for payment. */
  lastFailure: string | null;
};

/**
 * The order page's view of an order, for whoever may see it (getOrder decides): the order, and
 * while it waits for payment, what its latest payment attempt says, so the page can tell
 * "Confirming your payment…" from "Pay".
 */
export async function getOrderCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrderCheckoutInput> }): Promise<OrderCheckout> {
  const { orderId } = getOrderCheckoutInput.parse(input);
  const order = await getOrder({ ctx, input: { orderId } });
  if (order.status !== "awaiting_payment") return { order, paymentProcessing: false, lastFailure: null };
  const [last] = await listOrderPayments({ ctx: asSystem(ctx), input: { orderId: order.id } });
  return { order, paymentProcessing: last?.status === "pending" || last?.status === "succeeded", lastFailure: last?.status === "failed" ? last.failureReason : null };
}
