import { sendWaitlistPromotedEmail } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";

/** Tells a waiting user their seats were booked for them, with the tickets. */
export const sendWaitlistPromotedEmailOnPromote = inngest.createFunction(
  { id: "send-waitlist-promoted-email", retries: 4, triggers: [events["waitlist.promoted"]] },
  async ({ event, step, ctx }) => step.run("send-email", () => sendWaitlistPromotedEmail({ ctx, input: { entryId: event.data.entryId } })),
);
