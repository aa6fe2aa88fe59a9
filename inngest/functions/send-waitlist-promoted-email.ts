import { sendWaitlistPromotedEmail } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Tells a waiting user their seats were booked for them, with the tickets. */
export const sendWaitlistPromotedEmailOnPromote = inngest.createFunction(
  { id: "send-waitlist-promoted-email", retries: 4, throttle: mailThrottle, triggers: [events["waitlist.promoted"]] },
  async ({ event, step, ctx }) => step.run("send-email", () => sendWaitlistPromotedEmail({ ctx, input: { entryId: event.data.entryId } })),
);
