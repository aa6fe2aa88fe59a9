import { invalidateEventCache as invalidate } from "@/lib/domain/events";
import { inngest } from "../client";
import { events } from "../events";

/**
 * The durable backstop of event cache invalidation: the use cases invalidate right after their
 * commit, and this runs again from the outbox for every change, so a Redis blip at that moment
 * (or a change committed inside a caller's transaction) still ends with fresh reads.
 */
export const invalidateEventCache = inngest.createFunction(
  {
    id: "invalidate-event-cache",
    retries: 3,
    triggers: [events["event.published"], events["event.updated"], events["event.cancelled"]],
  },
  async ({ event, step, ctx }) => step.run("invalidate", () => invalidate({ ctx, input: { eventId: event.data.eventId } })),
);
