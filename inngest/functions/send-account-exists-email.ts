import { sendAccountExistsEmail as sendNotice } from "@/lib/domain/auth";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/** Tells an account's owner that someone tried to register their address again. */
export const sendAccountExistsEmail = inngest.createFunction(
  { id: "send-account-exists-email", retries: 4, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.registration_for_existing_account"]] },
  async ({ event, step, ctx }) => {
    const sent = await step.run("send-email", () => sendNotice({ ctx, input: { ...event.data, eventId: event.id! } }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.account_exists_email_sent");
    return sent;
  },
);
