import { requestEventRefunds } from "@/lib/checkout";
import { cancelEventBookings, closeEventWaitlist } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";

/**
 * When an event is cancelled (bookings were already stopped in the same commit), cancels its
 * confirmed bookings, asks for the full refund of every paid one, then closes its waitlist.
 * Each cancel step cancels up to 2,500 bookings in batches of 250 (or what fits in 10 s) and
 * says whether any is left, so the step history grows by one entry per 2,500 bookings, not per
 * batch: 20 steps for 50,000. Each `booking.cancelled` fact mails its holder through
 * send-booking-cancelled-email. Each refund step records up to 200 refunds keyed by their
 * order, whose refund-payment runs call the provider (retried, idempotent) and mark the
 * orders refunded; a step re-run after a crash records none twice.
 */
export const cancelEventBookingsOnCancel = inngest.createFunction(
  {
    id: "cancel-event-bookings",
    retries: 10,
    // One cascade per event: a re-delivered cancellation waits instead of fighting for the same rows.
    concurrency: { limit: 1, key: "event.data.eventId" },
    triggers: [events["event.cancelled"]],
  },
  async ({ event, step, ctx }) => {
    const eventId = event.data.eventId;
    let cancelled = 0;
    for (let part = 0, done = false; !done; part++) {
      const run = await step.run(`cancel-bookings-${part}`, () => cancelEventBookings({ ctx, input: { eventId } }));
      cancelled += run.cancelled;
      done = run.done;
    }
    let refunds = 0;
    let afterId: string | undefined;
    for (let part = 0, done = false; !done; part++) {
      const run = await step.run(`request-refunds-${part}`, () => requestEventRefunds({ ctx, input: { eventId, afterId, batchSize: 200 } }));
      refunds += run.requested;
      afterId = run.lastId ?? afterId;
      done = run.done;
    }
    const { closed } = await step.run("close-waitlist", () => closeEventWaitlist({ ctx, input: { eventId } }));
    return { cancelled, refunds, closed };
  },
);
