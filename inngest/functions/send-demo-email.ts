import { MAIL_RETRIES, sendJobsDemoEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Proves the pipeline end to end (outbox → job → mail) with a test message. The dedupe key
 * names the event and this function, so a retried or re-delivered run sends nothing twice.
 */
export const sendDemoEmail = inngest.createFunction(
  { id: "send-demo-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["platform.demo_requested"]] },
  async ({ event, attempt, ctx }) => {
    // The event's own time: the moment the request committed, the same on every retry.
    const input = { factId: event.id!, to: event.data.to, requestedAt: new Date(event.ts ?? Date.now()).toISOString() };
    const sent = await sendOrRetryLater(attempt, () => sendJobsDemoEmail({ ctx, input }));
    ctx.log.info({ mailId: sent.mailId, status: sent.status }, "platform.demo_email_sent");
    return sent;
  },
);
