import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { paymentProvider } from "./payment-providers";
import { requireSystem } from "./require-system";

export const beginCheckoutInput = z.object({
  orderId: z.uuid(),
  provider: z.string().min(1),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
  description: z.string().min(1).max(500),
  expiresAt: z.date(),
  returnUrl: z.url(),
});

/**
 * Opens the provider's hosted checkout for an order whose URL could not be known in advance.
 * A network call: never inside a transaction. Providers make it idempotent per order, so a
 * retried place-order gets the same checkout.
 */
export async function beginCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof beginCheckoutInput> }): Promise<{ checkoutUrl: string; providerRef: string }> {
  requireSystem(ctx);
  const { provider, ...request } = beginCheckoutInput.parse(input);
  const checkout = await paymentProvider(provider).createCheckout(request);
  ctx.log.info({ orderId: request.orderId, provider }, "payment.checkout_begun");
  return checkout;
}
