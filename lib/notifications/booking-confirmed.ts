import { z } from "zod";
import { getBookingsByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { bookedTickets } from "./booked-tickets";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `booking.confirmed` fact: the ids the message needs, so every read can start at once. */
export const bookingConfirmedEmailInput = z.object({ bookingId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/**
 * "Your booking is confirmed", with the tickets, for a direct booking (a promotion gets its own
 * message). Three reads in parallel (booking with tickets, user, event) and one insert.
 */
export async function sendBookingConfirmedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookingConfirmedEmailInput> }): Promise<Notified> {
  const { bookingId, userId, eventId } = bookingConfirmedEmailInput.parse(input);
  const [[booking], who] = await Promise.all([getBookingsByIds({ ctx, input: { ids: [bookingId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!booking || !who) return skipped("booking, user or event missing");
  return sendEmail(ctx.db, {
    dedupeKey: `booking-confirmed:${booking.id}`,
    to: who.user.email,
    message: { template: "booking-confirmed", props: bookedTickets(booking, who) },
  });
}
