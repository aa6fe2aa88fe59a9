import { randomUUID } from "node:crypto";
import { bookSeats, placeOrder as placeOrderInDomain } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { env } from "@/lib/env";

type OrderRequest = { eventId: string; items: { ticketTypeId: string; quantity: number }[]; promoCode?: string; idempotencyKey: string };

/**
 * Where an order is paid: the built-in test provider's page of this app, named by the order id
 * chosen here before the order exists. The payments module replaces this with its provider.
 */
function checkoutFor(orderId: string) {
  return { provider: "test", checkoutUrl: `${env.APP_URL}/pay/${orderId}` };
}

/** Places an order with its payment page attached (faces call this, not the domain verb). */
export async function placeOrder(ctx: Ctx, request: OrderRequest) {
  const orderId = randomUUID();
  return placeOrderInDomain({ ctx, input: { ...request, orderId, payment: checkoutFor(orderId) } });
}

/** Books seats (the first on-sale type) with the same payment page a paid booking needs. */
export async function bookSeatsWithCheckout(ctx: Ctx, request: { eventId: string; quantity: number; idempotencyKey: string }) {
  const orderId = randomUUID();
  return bookSeats({ ctx, input: { ...request, orderId, payment: checkoutFor(orderId) } });
}
