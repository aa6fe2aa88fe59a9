import { sendVerificationCodeEmail } from "@/lib/domain/auth";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority, mailThrottle } from "../flow-control";

/** Mails a new verification code; the code is unsealed inside the step and never returned from it. */
export const sendVerificationEmail = inngest.createFunction(
  { id: "send-verification-email", retries: 4, priority: accountMailPriority, throttle: mailThrottle, triggers: [events["auth.verification_code_issued"]] },
  async ({ event, step, ctx }) => {
    const sent = await step.run("send-email", () => sendVerificationCodeEmail({ ctx, input: event.data }));
    ctx.log.info({ userId: event.data.userId, mailId: sent.mailId, status: sent.status }, "auth.verification_email_sent");
    return sent;
  },
);
