import { MAIL_RETRIES, sendOrRetryLater, sendWaitlistPromotedEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Tells a waiting user their seats were booked for them, with the tickets. For a paid event the
 * promotion is an offer held for payment (`expiresAt` set): the order-awaiting-payment message
 * carries it instead. The send is the whole run: no step.
 */
export const sendWaitlistPromotedEmailOnPromote = inngest.createFunction(
  { id: "send-waitlist-promoted-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["waitlist.promoted"]] },
  async ({ event, attempt, ctx }) => {
    if (event.data.expiresAt) return { status: "skipped", reason: "paid offer: mailed as an order awaiting payment" };
    return sendOrRetryLater(attempt, () => sendWaitlistPromotedEmail({ ctx, input: event.data }));
  },
);
