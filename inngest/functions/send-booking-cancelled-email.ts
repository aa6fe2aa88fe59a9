import { MAIL_RETRIES, sendBookingCancelledEmail, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * Tells the holder their booking is cancelled (by them, the organizer, or with the whole event).
 * The send is the whole run, so it runs in the body (one SDK call, no step).
 */
export const sendBookingCancelledEmailOnCancel = inngest.createFunction(
  { id: "send-booking-cancelled-email", retries: MAIL_RETRIES, throttle: mailThrottle, triggers: [events["booking.cancelled"]] },
  async ({ event, attempt, ctx }) => sendOrRetryLater(attempt, () => sendBookingCancelledEmail({ ctx, input: event.data })),
);
