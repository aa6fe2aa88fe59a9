import { MAIL_RETRIES, notableChanges, sendEventChangedEmails, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/**
 * When a published event's title, venue or time changes, tells every ticket holder, batch by
 * batch (one step each), so a big event never makes one giant step. `attempt` counts the
 * attempts of the step in progress, so each batch gets the whole mail retry schedule.
 */
export const sendEventChangedEmailsOnUpdate = inngest.createFunction(
  {
    id: "send-event-changed-emails",
    retries: MAIL_RETRIES,
    throttle: mailThrottle,
    // Two quick edits of one event mail its holders one after the other, not interleaved.
    concurrency: { limit: 1, key: "event.data.eventId" },
    triggers: [events["event.updated"]],
  },
  async ({ event, step, attempt, ctx }) => {
    const { previous, status, eventId } = event.data;
    if (!previous || status !== "published") return { sent: 0 };
    const after = { title: event.data.title, venue: event.data.venue, startsAt: event.data.startsAt, endsAt: event.data.endsAt, timezone: event.data.timezone };
    if (notableChanges(previous, after).length === 0) return { sent: 0 };
    let sent = 0;
    let afterUserId: string | null = null;
    for (let batch = 0; ; batch++) {
      const input = { factId: event.id!, eventId, before: previous, after, afterUserId, batchSize: 200 };
      const run: { sent: number; lastUserId: string | null } = await step.run(`mail-batch-${batch}`, () =>
        sendOrRetryLater(attempt, () => sendEventChangedEmails({ ctx, input })),
      );
      if (!run.lastUserId) break;
      sent += run.sent;
      afterUserId = run.lastUserId;
    }
    return { sent };
  },
);
