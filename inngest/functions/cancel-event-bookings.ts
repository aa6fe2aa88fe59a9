import { cancelEventBookings, closeEventWaitlist } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";

/**
 * When an event is cancelled (bookings were already stopped in the same commit), cancels its
 * confirmed bookings batch by batch, one step each, then closes its waitlist. Each
 * `booking.cancelled` fact mails its holder through send-booking-cancelled-email.
 */
export const cancelEventBookingsOnCancel = inngest.createFunction(
  {
    id: "cancel-event-bookings",
    retries: 10,
    // One cascade per event: a re-delivered cancellation waits instead of fighting for the same rows.
    concurrency: { limit: 1, key: "event.data.eventId" },
    triggers: [events["event.cancelled"]] },
  async ({ event, step, ctx }) => {
    const eventId = event.data.eventId;
    let cancelled = 0;
    for (let batch = 0; ; batch++) {
      const run = await step.run(`cancel-batch-${batch}`, () => cancelEventBookings({ ctx, input: { eventId, batchSize: 100 } }));
      if (run.cancelled === 0) break;
      cancelled += run.cancelled;
    }
    const { closed } = await step.run("close-waitlist", () => closeEventWaitlist({ ctx, input: { eventId } }));
    return { cancelled, closed };
  },
);
