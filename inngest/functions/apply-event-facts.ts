import { applyAnalyticsFact } from "@/lib/domain/analytics";
import { inngest } from "../client";
import { events } from "../events";

/** Copies title, capacity, organizer and status from event facts onto the analytics rows. */
export const applyEventFacts = inngest.createFunction(
  {
    id: "apply-event-facts",
    retries: 10,
    triggers: [events["event.created"], events["event.published"], events["event.updated"], events["event.cancelled"]],
  },
  async ({ event, step, ctx }) =>
    step.run("apply", () => applyAnalyticsFact({ ctx, input: { outboxId: event.id!, name: event.name, data: event.data } })),
);
