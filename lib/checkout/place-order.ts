import { randomUUID } from "node:crypto";
import { z } from "zod";
import { attachCheckout, bookSeats, bookSeatsInput, getOrder, placeOrder as placeBookingsOrder, placeOrderInput as bookingsPlaceOrderInput, type BookingView, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { beginCheckout, checkoutPlan } from "@/lib/domain/payments";
import { env } from "@/lib/env";
import { asSystem } from "./system-ctx";

export const placeOrderInput = bookingsPlaceOrderInput.omit({ orderId: true, payment: true });
export const bookSeatsWithCheckoutInput = bookSeatsInput.omit({ orderId: true, payment: true });

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
  return { order: await ensureCheckout(ctx, order), replayed };
}

/**
 * Books seats (the event's first on-sale type) the same way: a paid booking is an order that
 * awaits payment, with its way to pay attached.
 */
export async function bookSeatsWithCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookSeatsWithCheckoutInput> }): Promise<{ booking: BookingView; replayed: boolean }> {
  const orderId = randomUUID();
  const plan = checkoutPlan({ orderId });
  const result = await bookSeats({ ctx, input: { ...input, orderId, payment: plan } });
  if (result.booking.status !== "awaiting_payment" || plan.checkoutUrl) return result;
  await ensureCheckout(ctx, await getOrder({ ctx: asSystem(ctx), input: { orderId: result.booking.id } }));
  return result;
}

/** Gives an unpaid order its provider checkout when the provider could not name one in advance. */
async function ensureCheckout(ctx: Ctx, order: OrderView): Promise<OrderView> {
  if (order.status !== "awaiting_payment" || !order.payment || order.payment.checkoutUrl) return order;
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
  return attachCheckout({ ctx: asSystem(ctx), input: { orderId: order.id, provider: order.payment.provider, checkoutUrl } });
}
