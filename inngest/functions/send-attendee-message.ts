import { recordMessageProgress } from "@/lib/domain/bookings";
import { MAIL_RETRIES, sendAttendeeMessageBatch, sendOrRetryLater } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

/** Mails per batch, and the pause between batches: a big event's message trickles out instead of flooding the mail server. */
const BATCH_SIZE = 100;
const BATCH_PAUSE = "2s";

/**
 * Delivers an organizer's message to the event's ticket holders, batch by batch (one step each),
 * counting the mails on the sent-messages list after each batch (its own step, so a retried
 * batch is not counted twice) and marking the message sent at the end. One message per
 * organizer at a time: a second one waits for the first.
 */
export const sendAttendeeMessage = inngest.createFunction(
  {
    id: "send-attendee-message",
    retries: MAIL_RETRIES,
    throttle: mailThrottle,
    concurrency: { limit: 1, key: "event.data.organizerId" },
    triggers: [events["attendees.message_sent"]],
  },
  async ({ event, step, attempt, ctx }) => {
    const { messageId } = event.data;
    let afterOrderId: string | null = null;
    let total = 0;
    for (let batch = 0; ; batch++) {
      if (batch > 0) await step.sleep(`pause-${batch}`, BATCH_PAUSE);
      const input = { messageId, afterOrderId, batchSize: BATCH_SIZE };
      const run: { sent: number; lastOrderId: string | null } = await step.run(`mail-batch-${batch}`, () =>
        sendOrRetryLater(attempt, () => sendAttendeeMessageBatch({ ctx, input })),
      );
      total += run.sent;
      const done = run.lastOrderId === null;
      await step.run(`count-${batch}`, () => recordMessageProgress({ ctx, input: { messageId, sent: run.sent, done } }));
      if (done) break;
      afterOrderId = run.lastOrderId;
    }
    return { sent: total };
  },
);
