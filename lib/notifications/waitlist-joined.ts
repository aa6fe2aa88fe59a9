import { z } from "zod";
import { getWaitlistEntriesByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { eventLink } from "./links";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `waitlist.joined` fact. */
export const waitlistJoinedEmailInput = z.object({ entryId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/** "You're #n on the waitlist", with the position at sending time; nothing once the entry stopped waiting. */
export async function sendWaitlistJoinedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof waitlistJoinedEmailInput> }): Promise<Notified> {
  const { entryId, userId, eventId } = waitlistJoinedEmailInput.parse(input);
  const [[entry], who] = await Promise.all([getWaitlistEntriesByIds({ ctx, input: { ids: [entryId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!entry || entry.status !== "waiting" || entry.position === null) return skipped("no longer waiting");
  if (!who) return skipped("user or event missing");
  return sendEmail(ctx.db, {
    dedupeKey: `waitlist-joined:${entry.id}`,
    to: who.user.email,
    message: {
      template: "waitlist-joined",
      props: { recipientName: who.user.name, event: who.event, position: entry.position, quantity: entry.quantity, eventUrl: eventLink(entry.eventId) },
    },
  });
}
