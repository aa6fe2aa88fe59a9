import { env } from "@/lib/env";
import { NotFound } from "@/lib/domain/errors";
import type { PaymentProvider } from "./payment-provider";
import { stripeProvider } from "./stripe-provider";
import { testProvider } from "./test-provider";

/** Every adapter by name. An order keeps the name of the provider it was placed with. */
const providers: Record<string, PaymentProvider> = { [testProvider.name]: testProvider, [stripeProvider.name]: stripeProvider };

/** The provider new orders are placed with (PAYMENT_PROVIDER). */
export function currentPaymentProvider(): PaymentProvider {
  return paymentProvider(env.PAYMENT_PROVIDER);
}

/** The provider that took an order's money, for its notifications and refunds. */
export function paymentProvider(name: string): PaymentProvider {
  const provider = providers[name];
  if (!provider) throw new NotFound("PAYMENT_PROVIDER_UNKNOWN", `No payment provider is called "${name}".`);
  return provider;
}
