import { randomUUID } from "node:crypto";
import EventChanged from "@/emails/event-changed";
import { sendEmail } from "@/lib/mail/send-email";
import { inngest } from "@/inngest/client";
import { events } from "@/inngest/events";

/** Hooks a test process (or the child worker it kills) sets to watch and stall the function. */
export const crashControl = {
  onPrepare: (_token: string) => {},
  /** Called once the email is stored; a child worker stalls here until it is killed. */
  afterEmail: async () => {},
};

/** Two steps; the second has an external effect (an email) made idempotent by its dedupe key. */
export const emailOnce = inngest.createFunction(
  { id: "test-email-once", triggers: [events["platform.demo_requested"]] },
  async ({ event, step, ctx }) => {
    const token = await step.run("prepare", () => {
      const t = randomUUID();
      crashControl.onPrepare(t);
      return t;
    });
    const mail = await step.run("send", async () => {
      const sent = await sendEmail(ctx.db, {
        dedupeKey: `${event.id}:test-email-once`,
        to: event.data.to,
        message: { template: "event-changed", props: EventChanged.PreviewProps },
      });
      await crashControl.afterEmail();
      return sent;
    });
    return { token, mail };
  },
);
