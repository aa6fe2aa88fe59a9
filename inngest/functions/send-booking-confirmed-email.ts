import { MAIL_RETRIES, sendBookingConfirmedEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Tickets by email for a direct booking; a promoted entry gets the waitlist-promoted message
 * instead. The send is the whole run, so it runs in the body (one SDK call, no step).
 */
export const sendBookingConfirmedEmailOnConfirm = inngest.createFunction(
  { id: "send-booking-confirmed-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["booking.confirmed"]] },
  async ({ event, attempt, ctx }) => {
    if (event.data.source === "waitlist") return { status: "skipped", reason: "waitlist promotion" };
    return sendOrRetryLater(attempt, () => sendBookingConfirmedEmail({ ctx, input: event.data }));
  },
);
