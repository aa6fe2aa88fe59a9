import { MAIL_RETRIES, reminderDueAt, sendEventReminders, sendOrRetryLater, type ReminderLead } from "@/lib/notifications";
import { inngest } from "../client";
import { events } from "../events";
import { mailThrottle } from "../flow-control";

const LEADS: ReminderLead[] = ["24h", "2h"];

/**
 * Schedules an event's reminders when it is published or its start moves: sleeps until 24 h,
 * then 2 h, before that start and mails the holders batch by batch. A run scheduled for a start
 * the event no longer has wakes up and sends nothing (the newer run reminds for the new time);
 * a cancelled event, and cancelled or refunded orders, get nothing. Which reminders are still
 * ahead is decided once, in a step, so a replay after the sleep does not see them as past.
 */
export const sendEventRemindersOnSchedule = inngest.createFunction(
  {
    id: "send-event-reminders",
    retries: MAIL_RETRIES,
    throttle: mailThrottle,
    triggers: [events["event.published"], events["event.updated"]],
  },
  async ({ event, step, attempt, ctx }) => {
    const { eventId, startsAt, status } = event.data;
    if (status !== "published") return { reminded: [] };
    if ("changes" in event.data && !event.data.changes.includes("startsAt")) return { reminded: [] };
    const ahead: ReminderLead[] = await step.run("plan", () => LEADS.filter((lead) => reminderDueAt(startsAt, lead).getTime() > ctx.now().getTime()));
    const reminded: { lead: ReminderLead; sent: number }[] = [];
    for (const lead of ahead) {
      await step.sleepUntil(`until-${lead}-before`, reminderDueAt(startsAt, lead));
      let sent = 0;
      let afterOrderId: string | null = null;
      for (let batch = 0; ; batch++) {
        const input = { eventId, startsAt, lead, afterOrderId, batchSize: 200 };
        const run: { sent: number; lastOrderId: string | null; void?: string } = await step.run(`remind-${lead}-${batch}`, () =>
          sendOrRetryLater(attempt, () => sendEventReminders({ ctx, input })),
        );
        // This schedule was replaced (the start moved) or the event is off: nothing more to remind of.
        if (run.void) return { reminded, void: run.void };
        sent += run.sent;
        if (!run.lastOrderId) break;
        afterOrderId = run.lastOrderId;
      }
      reminded.push({ lead, sent });
    }
    return { reminded };
  },
);
