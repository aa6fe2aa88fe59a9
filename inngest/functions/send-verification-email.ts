import { MAIL_RETRIES, sendOrRetryLater, sendVerificationCodeEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/**
 * Mails a new verification code. The send is the whole run, so it runs in the body (one SDK
 * call, no step): the code is unsealed there and never stored in a step's result.
 */
export const sendVerificationEmail = inngest.createFunction(
  { id: "send-verification-email", retries: MAIL_RETRIES, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.verification_code_issued"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendVerificationCodeEmail({ ctx, input: event.data }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.verification_email_sent");
    return sent;
  },
);
