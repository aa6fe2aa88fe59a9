import { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import { listEventHolders } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { eventLink } from "./links";

// The zone only tells how to show the times (facts from before events had one were UTC); moving it is no change to tell about.
const schedule = z.object({ title: z.string(), venue: z.string(), startsAt: z.string(), endsAt: z.string(), timezone: z.string().default("UTC") });
type Schedule = z.input<typeof schedule>;
const NOTABLE = ["title", "venue", "startsAt", "endsAt"] as const;

export const eventChangedEmailsInput = z.object({
  /** The `event.updated` fact: its id makes each recipient's dedupe key. */
  factId: z.string().min(1),
  eventId: z.uuid(),
  before: schedule,
  after: schedule,
  /** Keyset cursor over holder user ids; null for the first batch. */
  afterUserId: z.uuid().nullable(),
  batchSize: z.number().int().min(1).max(500),
});

/** The changes a ticket holder needs to hear about (title, venue, times), from an event edit. */
export function notableChanges(before: Schedule, after: Schedule) {
  return NOTABLE.filter((field) => before[field] !== after[field]).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Mails one batch of the event's confirmed ticket holders that its title, venue or time changed
 * (each holder once, however many bookings they hold). Returns the last holder of the batch, so
 * the job can continue from there in its next step; a retried batch sends nothing twice.
 */
export async function sendEventChangedEmails({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof eventChangedEmailsInput>;
}): Promise<{ sent: number; lastUserId: string | null }> {
  const i = eventChangedEmailsInput.parse(input);
  const holders = await listEventHolders({ ctx, input: { eventId: i.eventId, afterUserId: i.afterUserId, limit: i.batchSize } });
  const changes = notableChanges(i.before, i.after);
  if (changes.length === 0 || holders.length === 0) return { sent: 0, lastUserId: null };
  const users = await getUsersByIds({ ctx, input: { ids: holders } });
  const eventUrl = eventLink(i.eventId);
  for (const user of users) {
    await sendEmail(ctx.db, {
      dedupeKey: `event-changed:${i.factId}:${user.id}`,
      to: user.email,
      message: { template: "event-changed", props: { recipientName: user.name, event: i.after, changes, eventUrl } },
    });
  }
  return { sent: users.length, lastUserId: holders.at(-1)! };
}
