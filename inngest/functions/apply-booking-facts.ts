import { applyAnalyticsFacts } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";
import { analyticsBatch } from "../flow-control";

/**
 * Moves the analytics aggregates by booking facts and refunds (each refund the provider made), a batch at a time in one statement. Each
 * fact's outbox id (its Inngest event id) is its dedupe key, so a retried run or a re-delivered
 * event changes nothing the second time.
 */
export const applyBookingFacts = inngest.createFunction(
  {
    id: "apply-booking-facts",
    retries: 10,
    batchEvents: analyticsBatch,
    triggers: [events["booking.confirmed"], events["booking.cancelled"], events["payment.refunded"]],
  },
  async ({ events: batch, step, ctx }) =>
    step.run("apply", () =>
      applyAnalyticsFacts({ ctx, input: { facts: batch.map((e) => ({ outboxId: e.id!, name: e.name, data: e.data })) } }),
    ),
);
