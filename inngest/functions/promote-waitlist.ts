import { promoteWaitlist } from "@/lib/domain/bookings";
import { inngest } from "../client";
import { events } from "../events";

/** Promotions per step: a long waitlist becomes several small steps, not one giant one. */
const PER_STEP = 20;

/**
 * Serves the waitlist when seats are released. Each promotion commits on its own inside the
 * step, so a run that dies mid-step is retried and continues with whoever still waits: every
 * freed seat is booked once.
 */
export const promoteWaitlistOnRelease = inngest.createFunction(
  {
    id: "promote-waitlist",
    retries: 10,
    // One promoter per event at a time: releases of one event queue up instead of racing for its line.
    concurrency: { limit: 1, key: "event.data.eventId" },
    triggers: [events["seats.released"]] },
  async ({ event, step, ctx }) => {
    let promoted = 0;
    for (let batch = 0; ; batch++) {
      const run = await step.run(`promote-${batch}`, () => promoteWaitlist({ ctx, input: { eventId: event.data.eventId, max: PER_STEP } }));
      promoted += run.promoted.length;
      if (run.done) return { promoted };
    }
  },
);
