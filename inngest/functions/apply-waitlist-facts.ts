import { applyAnalyticsFacts } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";
import { analyticsBatch } from "../flow-control";

/** Keeps each event's waiting-entries count, a batch at a time, once per outbox id. */
export const applyWaitlistFacts = inngest.createFunction(
  {
    id: "apply-waitlist-facts",
    retries: 10,
    batchEvents: analyticsBatch,
    triggers: [events["waitlist.joined"], events["waitlist.left"], events["waitlist.promoted"], events["waitlist.closed"]],
  },
  async ({ events: batch, step, ctx }) =>
    step.run("apply", () =>
      applyAnalyticsFacts({ ctx, input: { facts: batch.map((e) => ({ outboxId: e.id!, name: e.name, data: e.data })) } }),
    ),
);
