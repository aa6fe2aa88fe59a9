import { issueRequestedVerificationCode as issueCode } from "@/lib/domain/auth";
import { inngest } from "../client";
import { events } from "../events";

/** A resend, decided off the request: an unverified account gets a fresh code, others nothing. */
export const issueRequestedVerificationCode = inngest.createFunction(
  { id: "issue-requested-verification-code", retries: 4, triggers: [events["auth.verification_resend_requested"]] },
  async ({ event, step, ctx }) => step.run("issue-code", () => issueCode({ ctx, input: event.data })),
);
