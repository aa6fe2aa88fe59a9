import { sendEmail } from "@/lib/mail/send-email";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Proves the pipeline end to end (outbox → job → mail) with a test message. The dedupe key
 * names the event and this function, so a retried or re-delivered run sends nothing twice.
 */
export const sendDemoEmail = inngest.createFunction(
  { id: "send-demo-email", retries: 4, throttle: mailThrottle, triggers: [events["platform.demo_requested"]] },
  async ({ event, step, ctx }) => {
    const sent = await step.run("send-email", () =>
      sendEmail(ctx.db, {
        dedupeKey: `${event.id}:send-demo-email`,
        to: event.data.to,
        message: {
          template: "jobs-demo",
          // The event's own time: the moment the request committed, the same on every retry.
          props: { to: event.data.to, requestedAt: new Date(event.ts ?? Date.now()).toISOString() },
        },
      }),
    );
    ctx.log.info({ mailId: sent.mailId, status: sent.status }, "platform.demo_email_sent");
    return sent;
  },
);
