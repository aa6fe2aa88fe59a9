import { MAIL_RETRIES, sendEmailChangeCodeEmail as sendCodeEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/** Mails the code that proves a new address; unsealed in the body like the other account codes. */
export const sendEmailChangeCodeEmail = inngest.createFunction(
  { id: "send-email-change-code-email", retries: MAIL_RETRIES, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.email_change_code_issued"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendCodeEmail({ ctx, input: event.data }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.email_change_code_sent");
    return sent;
  },
);
