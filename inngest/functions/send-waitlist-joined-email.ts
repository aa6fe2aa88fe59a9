import { sendWaitlistJoinedEmail } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Confirms a place in line, with the position at sending time. */
export const sendWaitlistJoinedEmailOnJoin = inngest.createFunction(
  { id: "send-waitlist-joined-email", retries: 4, throttle: mailThrottle, triggers: [events["waitlist.joined"]] },
  async ({ event, step, ctx }) => step.run("send-email", () => sendWaitlistJoinedEmail({ ctx, input: { entryId: event.data.entryId } })),
);
