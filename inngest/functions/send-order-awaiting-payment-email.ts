import { MAIL_RETRIES, sendOrderAwaitingPaymentEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** "Complete your payment" (or the waitlist's offer) once per order that waits for payment. */
export const sendOrderAwaitingPaymentEmailOnPlace = inngest.createFunction(
  { id: "send-order-awaiting-payment-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["order.placed"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendOrderAwaitingPaymentEmail({ ctx, input: event.data })),
);
