import { MAIL_RETRIES, sendOrderRefundedEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Tells the buyer about each refund the provider made: how much, to what, why, and the tickets' fate. */
export const sendOrderRefundedEmailOnRefund = inngest.createFunction(
  { id: "send-order-refunded-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["payment.refunded"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendOrderRefundedEmail({ ctx, input: event.data })),
);
