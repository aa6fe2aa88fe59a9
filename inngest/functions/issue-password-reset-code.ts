import { issuePasswordResetCode as issueCode } from "@/lib/domain/auth";
import { inngest } from "../client";
import { events } from "../events";
import { accountMailPriority } from "../flow-control";

/**
 * A reset request, decided off the request: an account with that address gets a fresh code,
 * an unknown address nothing. The code then waits behind send-password-reset-email, so both hops are account mail.
 */
export const issuePasswordResetCode = inngest.createFunction(
  { id: "issue-password-reset-code", retries: 4, priority: accountMailPriority, triggers: [events["auth.password_reset_requested"]] },
  async ({ event, step, ctx }) => step.run("issue-code", () => issueCode({ ctx, input: event.data })),
);
