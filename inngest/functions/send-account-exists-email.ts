import { MAIL_RETRIES, sendAccountExistsEmail as sendNotice, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/**
 * Tells an account's owner that someone tried to register their address again. The send is the
 * whole run, so it runs in the body (one SDK call, no step); the dedupe key keeps retries idempotent.
 */
export const sendAccountExistsEmail = inngest.createFunction(
  { id: "send-account-exists-email", retries: MAIL_RETRIES, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.registration_for_existing_account"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendNotice({ ctx, input: { ...event.data, factId: event.id! } }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.account_exists_email_sent");
    return sent;
  },
);
