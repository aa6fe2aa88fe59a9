import { randomUUID } from "node:crypto";
import { z } from "zod";
import { attachCheckout, placeOrder as placeBookingsOrder, placeOrderInput as bookingsPlaceOrderInput, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { beginCheckout, checkoutPlan } from "@/lib/domain/payments";
import { env } from "@/lib/env";
import { asSystem } from "./system-ctx";

export const placeOrderInput = bookingsPlaceOrderInput.omit({ orderId: true, payment: true });

/**
 * Places an order and gives it a way to pay. The order id is made here so the provider's
 * checkout URL, when it can be known in advance (the test provider), is stored by the order
 * statement itself. A provider that must be called first gets its checkout after the order
 * commits (never a network call inside the seat transaction), and a replay whose earlier try
 * stopped before that finishes the job, so a replay always answers the current order.
 */
export async function placeOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof placeOrderInput> }): Promise<{ order: OrderView; replayed: boolean }> {
  const orderId = randomUUID();
  const plan = checkoutPlan({ orderId });
  const { order, replayed } = await placeBookingsOrder({ ctx, input: { ...input, orderId, payment: plan } });
  if (order.status !== "awaiting_payment" || !order.payment || order.payment.checkoutUrl) return { order, replayed };
  const { checkoutUrl } = await beginCheckout({
    ctx: asSystem(ctx),
    input: {
      orderId: order.id,
      provider: order.payment.provider,
      amountCents: order.totalCents,
      currency: order.currency,
      description: `${order.quantity} ${order.quantity === 1 ? "ticket" : "tickets"}`,
      expiresAt: new Date(order.expiresAt!),
      returnUrl: `${env.APP_URL}/orders/${order.id}`,
    },
  });
  const attached = await attachCheckout({ ctx: asSystem(ctx), input: { orderId: order.id, provider: order.payment.provider, checkoutUrl } });
  return { order: attached, replayed };
}
