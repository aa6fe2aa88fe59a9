"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { applyPromoCode, renameTicket, transferTicket } from "@/lib/domain/bookings";
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

const ticketRef = { orderId: z.string(), ticketId: z.string() };
const typedName = z.string().trim().max(120, "Keep the name under 120 characters.");

/** An empty name clears it: the ticket is then nobody's in particular again. */
export const renameTicketAction = action(z.object({ ...ticketRef, attendeeName: typedName }), async ({ input, ctx }) => {
  const ticket = await renameTicket({ ctx, input: { ticketId: input.ticketId, attendeeName: input.attendeeName === "" ? null : input.attendeeName } });
  revalidatePath(`/orders/${input.orderId}`);
  return ticket;
});

/** The old code stops working at once; the new holder gets the new one by email. */
export const transferTicketAction = action(
  z.object({ ...ticketRef, email: z.string().trim().min(1, "Enter the new holder's email address."), attendeeName: typedName }),
  async ({ input, ctx }) => {
    const ticket = await transferTicket({
      ctx,
      input: { ticketId: input.ticketId, email: input.email, attendeeName: input.attendeeName === "" ? null : input.attendeeName },
    });
    revalidatePath(`/orders/${input.orderId}`);
    return ticket;
  },
);
