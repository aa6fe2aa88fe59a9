import { MAIL_RETRIES, sendOrRetryLater, sendWaitlistPromotedEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Tells a waiting user their seats were booked for them, with the tickets. The send is the whole run: no step. */
export const sendWaitlistPromotedEmailOnPromote = inngest.createFunction(
  { id: "send-waitlist-promoted-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["waitlist.promoted"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendWaitlistPromotedEmail({ ctx, input: event.data })),
);
