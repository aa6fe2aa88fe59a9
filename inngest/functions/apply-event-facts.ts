import { applyAnalyticsFacts } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";
import { analyticsBatch } from "../flow-control";

/** Copies title, capacity, organizer and status from event facts onto the analytics rows, a batch at a time. */
export const applyEventFacts = inngest.createFunction(
  {
    id: "apply-event-facts",
    retries: 10,
    batchEvents: analyticsBatch,
    triggers: [events["event.created"], events["event.published"], events["event.updated"], events["event.cancelled"]],
  },
  async ({ events: batch, step, ctx }) =>
    step.run("apply", () =>
      applyAnalyticsFacts({ ctx, input: { facts: batch.map((e) => ({ outboxId: e.id!, name: e.name, data: e.data })) } }),
    ),
);
