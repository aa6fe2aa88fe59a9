import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { getUsersByIds } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { sendEmail } from "@/lib/mail/send-email";
import { bookings } from "./schema";

const scheduled = z.object({ title: z.string(), venue: z.string(), startsAt: z.string(), endsAt: z.string() });
const NOTABLE = ["title", "venue", "startsAt", "endsAt"] as const;

export const sendEventChangedEmailsInput = z.object({
  /** The `event.updated` fact: its id makes each recipient's dedupe key. */
  factId: z.string().min(1),
  eventId: z.uuid(),
  before: scheduled,
  after: scheduled,
  /** Keyset cursor over holder user ids; null for the first batch. */
  afterUserId: z.uuid().nullable(),
  batchSize: z.number().int().min(1).max(500),
});

/** The changes a ticket holder needs to hear about (title, venue, times), from an event edit. */
export function notableChanges(before: z.infer<typeof scheduled>, after: z.infer<typeof scheduled>) {
  return NOTABLE.filter((field) => before[field] !== after[field]).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Mails one batch of the event's confirmed ticket holders that its title, venue or time changed
 * (each holder once, however many bookings they hold). Returns the last user mailed, so the job
 * can continue from there in its next step; a retried batch sends nothing twice.
 */
export async function sendEventChangedEmails({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof sendEventChangedEmailsInput>;
}): Promise<{ sent: number; lastUserId: string | null }> {
  const i = sendEventChangedEmailsInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  const changes = notableChanges(i.before, i.after);
  const holders = await ctx.db
    .selectDistinct({ userId: bookings.userId })
    .from(bookings)
    .where(and(eq(bookings.eventId, i.eventId), eq(bookings.status, "confirmed"), i.afterUserId ? gt(bookings.userId, i.afterUserId) : undefined))
    .orderBy(asc(bookings.userId))
    .limit(i.batchSize);
  if (changes.length === 0 || holders.length === 0) return { sent: 0, lastUserId: null };
  const users = await getUsersByIds({ ctx, input: { ids: holders.map((h) => h.userId) } });
  const eventUrl = new URL(`/events/${i.eventId}`, env.APP_URL).toString();
  for (const user of users) {
    await sendEmail(ctx.db, {
      dedupeKey: `event-changed:${i.factId}:${user.id}`,
      to: user.email,
      message: { template: "event-changed", props: { recipientName: user.name, event: i.after, changes, eventUrl } },
    });
  }
  return { sent: users.length, lastUserId: holders.at(-1)!.userId };
}
