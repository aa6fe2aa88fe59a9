import { sendBookingConfirmedEmail } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Tickets by email for a direct booking; a promoted entry gets the waitlist-promoted message instead. */
export const sendBookingConfirmedEmailOnConfirm = inngest.createFunction(
  { id: "send-booking-confirmed-email", retries: 4, throttle: mailThrottle, triggers: [events["booking.confirmed"]] },
  async ({ event, step, ctx }) => {
    if (event.data.source === "waitlist") return { status: "skipped", reason: "waitlist promotion" };
    return step.run("send-email", () => sendBookingConfirmedEmail({ ctx, input: { bookingId: event.data.bookingId } }));
  },
);
