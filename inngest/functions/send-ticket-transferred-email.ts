import { MAIL_RETRIES, sendOrRetryLater, sendTicketTransferredEmail } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Gives the new holder of a transferred ticket its code by email (they may have no account). */
export const sendTicketTransferredEmailOnTransfer = inngest.createFunction(
  { id: "send-ticket-transferred-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["ticket.transferred"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendTicketTransferredEmail({ ctx, input: event.data })),
);
