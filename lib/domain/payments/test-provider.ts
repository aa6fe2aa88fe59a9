import { createHash, hkdfSync } from "node:crypto";
import { z } from "zod";
import { BadRequest } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { signNotification, verifyNotificationSignature } from "./notification-signature";
import type { PaymentEvent, PaymentProvider } from "./payment-provider";

/** The header a test provider notification carries its signature in (Stripe's is `Stripe-Signature`). */
export const TEST_SIGNATURE_HEADER = "test-payments-signature";

/**
 * The test provider's notification, shaped like a real provider's event: an id that repeats on
 * every redelivery of the same event, a type, and the payment it is about.
 */
export const testNotificationBody = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(["payment.succeeded", "payment.failed"]),
  created: z.number().int(),
  data: z.object({
    orderId: z.uuid(),
    paymentRef: z.string().min(1).max(200),
    amountCents: z.number().int().nonnegative(),
    currency: z.string().min(3).max(3),
    failureReason: z.string().max(500).optional(),
  }),
});
export type TestNotificationBody = z.infer<typeof testNotificationBody>;

let secret: string | undefined;
/** Derived from AUTH_SECRET under its own label: nothing more to configure, and it says nothing about the auth keys. */
function webhookSecret(): string {
  secret ??= Buffer.from(hkdfSync("sha256", env.AUTH_SECRET, "evently-payments-v1", "test-provider:webhook", 32)).toString("hex");
  return secret;
}

/** What the test provider sends for one delivery attempt: signed at `at`, as a real provider re-signs each retry. */
export function signTestNotification(body: TestNotificationBody, at: Date): { rawBody: string; headers: Record<string, string> } {
  const rawBody = JSON.stringify(body);
  return { rawBody, headers: { "content-type": "application/json", [TEST_SIGNATURE_HEADER]: signNotification(rawBody, webhookSecret(), at) } };
}

/**
 * The built-in simulated card provider (PAYMENT_PROVIDER=test): its checkout is a page of this
 * app (`/pay/<orderId>`), it moves no money, and it reports results through signed
 * notifications like a real provider.
 */
export const testProvider: PaymentProvider = {
  name: "test",

  checkoutUrlFor(orderId) {
    return `${env.APP_URL}/pay/${orderId}`;
  },

  async createCheckout({ orderId }) {
    return { checkoutUrl: `${env.APP_URL}/pay/${orderId}`, providerRef: `test_cs_${orderId}` };
  },

  async refund({ idempotencyKey }) {
    // The same key always names the same refund, as a provider's idempotency key does.
    return { providerRef: `test_re_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}` };
  },

  verifyNotification(rawBody, headers) {
    verifyNotificationSignature(rawBody, headers.get(TEST_SIGNATURE_HEADER), webhookSecret(), new Date());
    let parsed: TestNotificationBody;
    try {
      parsed = testNotificationBody.parse(JSON.parse(rawBody));
    } catch {
      throw new BadRequest("NOTIFICATION_MALFORMED", "The notification is not one the test provider sends.");
    }
    return toPaymentEvent(parsed);
  },
};

function toPaymentEvent({ id, type, created, data }: TestNotificationBody): PaymentEvent {
  const common = { id, orderId: data.orderId, paymentRef: data.paymentRef, amountCents: data.amountCents, currency: data.currency, occurredAt: new Date(created * 1000) };
  return type === "payment.succeeded"
    ? { kind: "payment_succeeded", ...common }
    : { kind: "payment_failed", ...common, reason: data.failureReason ?? "The payment failed." };
}
