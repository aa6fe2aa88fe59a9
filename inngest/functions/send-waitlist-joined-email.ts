import { MAIL_RETRIES, sendOrRetryLater, sendWaitlistJoinedEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Confirms a place in line, with the position at sending time. The send is the whole run: no step. */
export const sendWaitlistJoinedEmailOnJoin = inngest.createFunction(
  { id: "send-waitlist-joined-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["waitlist.joined"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendWaitlistJoinedEmail({ ctx, input: event.data })),
);
