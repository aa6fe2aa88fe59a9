import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { getEventSchedules } from "@/lib/domain/events";
import { eventLink, orderLink } from "./links";
import { mailOrderHolders } from "./order-holders";

export const REMINDER_LEADS = { "24h": 24 * 3_600_000, "2h": 2 * 3_600_000 } as const;
export type ReminderLead = keyof typeof REMINDER_LEADS;

export const eventRemindersInput = z.object({
  eventId: z.uuid(),
  /** The start the reminder was scheduled for: a reminder for a start the event no longer has is void. */
  startsAt: z.iso.datetime({ offset: true }),
  lead: z.enum(["24h", "2h"]),
  afterOrderId: z.uuid().nullable(),
  batchSize: z.number().int().min(1).max(500),
});

/** When a reminder for an event starting at `startsAt` is due. */
export function reminderDueAt(startsAt: string, lead: ReminderLead): Date {
  return new Date(Date.parse(startsAt) - REMINDER_LEADS[lead]);
}

/**
 * Mails one batch of an event's ticket holders that it starts soon, with the times in the
 * event's zone. Does nothing (`void`) when the event is no longer published or now starts at
 * another time than the one this reminder was scheduled for: that schedule was replaced.
 */
export async function sendEventReminders({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof eventRemindersInput>;
}): Promise<{ sent: number; lastOrderId: string | null; void?: string }> {
  const i = eventRemindersInput.parse(input);
  const [event] = await getEventSchedules({ ctx, input: { ids: [i.eventId] } });
  if (!event || event.status !== "published") return { sent: 0, lastOrderId: null, void: "event not on" };
  if (event.startsAt.getTime() !== Date.parse(i.startsAt)) return { sent: 0, lastOrderId: null, void: "rescheduled" };
  const summary = { title: event.title, venue: event.venue, startsAt: event.startsAt.toISOString(), timezone: event.timezone };
  return mailOrderHolders(ctx, { eventId: i.eventId, afterOrderId: i.afterOrderId, batchSize: i.batchSize }, (to) => ({
    // Per start time: a moved event reminds again for its new time, a re-run never twice.
    dedupeKey: `event-reminder:${i.lead}:${summary.startsAt}:${to.orderId}:${to.email}`,
    message: {
      template: "event-reminder",
      props: { recipientName: to.name, event: summary, lead: i.lead, quantity: to.quantity, ticketsUrl: to.buyer ? orderLink(to.orderId) : eventLink(i.eventId) },
    },
  }));
}
