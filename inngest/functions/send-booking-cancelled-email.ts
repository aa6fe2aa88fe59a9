import { sendBookingCancelledEmail } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Tells the holder their booking is cancelled (by them, the organizer, or with the whole event). */
export const sendBookingCancelledEmailOnCancel = inngest.createFunction(
  { id: "send-booking-cancelled-email", retries: 4, throttle: mailThrottle, triggers: [events["booking.cancelled"]] },
  async ({ event, step, ctx }) => step.run("send-email", () => sendBookingCancelledEmail({ ctx, input: { bookingId: event.data.bookingId } })),
);
