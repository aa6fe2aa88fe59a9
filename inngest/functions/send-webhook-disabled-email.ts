import { MAIL_RETRIES, sendOrRetryLater, sendWebhookDisabledEmail as sendNotice } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Emails the owners of the organization whose endpoint the deliveries switched off after three days of failures. */
export const sendWebhookDisabledEmail = inngest.createFunction(
  { id: "send-webhook-disabled-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["webhook.endpoint_disabled"]] },
  async ({ event, attempt, ctx }) => {
    const sent = await sendOrRetryLater(attempt, () => sendNotice({ ctx, input: { ...event.data, factId: event.id! } }));
    ctx.log.info({ endpointId: event.data.endpointId, mailIds: sent.map((s) => s.mailId) }, "webhook.disabled_email_sent");
    return sent;
  },
);
