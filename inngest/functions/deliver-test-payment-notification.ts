import { deliverTestNotification } from "@/lib/checkout";
import { inngest } from "../client";
import { events } from "../events";

/**
 * Plays the test provider's side of a webhook: delivers each notification it owes, signed at
 * delivery, to the handler the webhook route calls. Retried like a provider retries; the
 * handler records each notification once, so a retry after a crash applies nothing twice.
 */
export const deliverTestPaymentNotification = inngest.createFunction(
  { id: "deliver-test-payment-notification", retries: 10, triggers: [events["payment.test_notification_due"]] },
  async ({ event, ctx }) => deliverTestNotification({ ctx, input: { body: event.data.body } }),
);
