import { issueRequestedVerificationCode as issueCode } from "@/lib/domain/auth";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority } from "../flow-control";

/**
 * A resend, decided off the request: an unverified account gets a fresh code, others nothing.
 * The code then waits behind a second run (send-verification-email), so both hops are account mail.
 */
export const issueRequestedVerificationCode = inngest.createFunction(
  { id: "issue-requested-verification-code", retries: 4, priority: accountMailPriority, triggers: [events["auth.verification_resend_requested"]] },
  async ({ event, step, ctx }) => step.run("issue-code", () => issueCode({ ctx, input: event.data })),
);
