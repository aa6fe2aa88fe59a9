import { MAIL_RETRIES, sendOrderExpiredEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** "Your hold expired" once per order whose hold lapsed unpaid. */
export const sendOrderExpiredEmailOnExpire = inngest.createFunction(
  { id: "send-order-expired-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["order.expired"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendOrderExpiredEmail({ ctx, input: event.data })),
);
