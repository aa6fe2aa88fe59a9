import { z } from "zod";
import { getBookingsByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { bookedTickets } from "./booked-tickets";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `waitlist.promoted` fact: it names the booking made for the entry. */
export const waitlistPromotedEmailInput = z.object({ entryId: z.uuid(), bookingId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/** "You're off the waitlist": the booking made for the entry, with its tickets. */
export async function sendWaitlistPromotedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof waitlistPromotedEmailInput> }): Promise<Notified> {
  const { entryId, bookingId, userId, eventId } = waitlistPromotedEmailInput.parse(input);
  const [[booking], who] = await Promise.all([getBookingsByIds({ ctx, input: { ids: [bookingId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!booking || !who) return skipped("booking, user or event missing");
  return sendEmail(ctx.db, {
    dedupeKey: `waitlist-promoted:${entryId}`,
    to: who.user.email,
    message: { template: "waitlist-promoted", props: bookedTickets(booking, who) },
  });
}
