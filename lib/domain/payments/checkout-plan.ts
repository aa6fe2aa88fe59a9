import { z } from "zod";
import { currentPaymentProvider } from "./payment-providers";

export const checkoutPlanInput = z.object({ orderId: z.uuid() });
export type CheckoutPlan = { provider: string; checkoutUrl: string | null };

/**
 * Where a new order will be paid, decided before the order exists (the caller pre-generates its
 * id), so the order statement stores the URL at once. No database, no network: a provider that
 * must be called first answers `checkoutUrl: null`, and lib/checkout then calls beginCheckout.
 */
export function checkoutPlan(input: z.input<typeof checkoutPlanInput>): CheckoutPlan {
  const { orderId } = checkoutPlanInput.parse(input);
  const provider = currentPaymentProvider();
  return { provider: provider.name, checkoutUrl: provider.checkoutUrlFor(orderId) };
}
