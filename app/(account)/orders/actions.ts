"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyPromoCode } from "@/lib/domain/bookings";
import { cancelOrder } from "@/lib/checkout";
import { action } from "@/lib/web/action";

/** Abandoning a checkout gives the seats back at once; a paid order is refunded through its provider (lib/checkout). */
export const cancelOrderAction = action(z.object({ orderId: z.string() }), async ({ input, ctx }) => {
  const order = await cancelOrder({ ctx, input: { orderId: input.orderId } });
  revalidatePath("/orders");
  revalidatePath(`/orders/${order.id}`);
  revalidatePath(`/events/${order.eventId}`);
  return { orderId: order.id, status: order.status };
});

/** A code typed on the checkout page re-prices the unpaid order; the page then shows the new total. */
export const applyPromoCodeAction = action(
  z.object({ orderId: z.string(), promoCode: z.string().trim().min(1, "Enter a promo code.").max(64) }),
  async ({ input, ctx }) => {
    const order = await applyPromoCode({ ctx, input });
    revalidatePath(`/orders/${input.orderId}`);
    return { orderId: input.orderId, totalCents: order.totalCents };
  },
);
