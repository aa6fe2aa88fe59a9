import { MAIL_RETRIES, sendOrRetryLater, sendPasswordResetEmail as sendResetEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/** Mails a reset code; like the verification email, the code is unsealed in the body and never kept in a step's result. */
export const sendPasswordResetEmail = inngest.createFunction(
  { id: "send-password-reset-email", retries: MAIL_RETRIES, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.password_reset_code_issued"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendResetEmail({ ctx, input: event.data }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.password_reset_email_sent");
    return sent;
  },
);
