import { applyAnalyticsFact } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";

/** Keeps each event's waiting-entries count, once per outbox id. */
export const applyWaitlistFacts = inngest.createFunction(
  {
    id: "apply-waitlist-facts",
    retries: 10,
    triggers: [events["waitlist.joined"], events["waitlist.left"], events["waitlist.promoted"], events["waitlist.closed"]],
  },
  async ({ event, step, ctx }) =>
    step.run("apply", () => applyAnalyticsFact({ ctx, input: { outboxId: event.id!, name: event.name, data: event.data } })),
);
