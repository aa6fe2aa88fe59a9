import { randomUUID } from "node:crypto";
import { z } from "zod";
import { bookSeats as bookSeatsInDomain, bookSeatsInput as bookingsBookSeatsInput } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { checkoutPlan } from "@/lib/domain/payments";

export const bookSeatsInput = bookingsBookSeatsInput.omit({ orderId: true, payment: true });

/**
 * The booking route's order (the event's first on-sale type) with the provider's way to pay
 * planned like placeOrder's: the id is made here so the checkout URL can name it in advance.
 */
export async function bookSeatsWithCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookSeatsInput> }) {
  const orderId = randomUUID();
  return bookSeatsInDomain({ ctx, input: { ...bookSeatsInput.parse(input), orderId, payment: checkoutPlan({ orderId }) } });
}
