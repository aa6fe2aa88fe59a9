import { randomUUID } from "node:crypto";
import { z } from "zod";
import { placeOrder as placeBookingsOrder, placeOrderInput as bookingsPlaceOrderInput, type OrderView } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { env } from "@/lib/env";

export const placeOrderInput = bookingsPlaceOrderInput.omit({ orderId: true, payment: true });

/** Places an order paid through the built-in test provider's page (the payments branch replaces this with its provider plan). */
export async function placeOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof placeOrderInput> }): Promise<{ order: OrderView; replayed: boolean }> {
  const orderId = randomUUID();
  return placeBookingsOrder({ ctx, input: { ...input, orderId, payment: { provider: "test", checkoutUrl: `${env.APP_URL}/pay/${orderId}` } } });
}
