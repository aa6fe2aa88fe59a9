import { applyAnalyticsFact } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";

/**
 * Moves the analytics aggregates by each booking fact. The outbox id (the Inngest event id) is
 * the dedupe key, so a retried run or a re-delivered event changes nothing the second time.
 */
export const applyBookingFacts = inngest.createFunction(
  { id: "apply-booking-facts", retries: 10, triggers: [events["booking.confirmed"], events["booking.cancelled"]] },
  async ({ event, step, ctx }) =>
    step.run("apply", () => applyAnalyticsFact({ ctx, input: { outboxId: event.id!, name: event.name, data: event.data } })),
);
