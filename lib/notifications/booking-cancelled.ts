import { z } from "zod";
import { getBookingsByIds } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { sendEmail } from "@/lib/mail/send-email";
import { skipped, type Notified } from "./outcome";
import { recipientOf } from "./recipient";

/** From the `booking.cancelled` fact. */
export const bookingCancelledEmailInput = z.object({ bookingId: z.uuid(), userId: z.uuid(), eventId: z.uuid() });

/** The holder learns of a cancellation: their own or the organizer's, or the whole event's (with the refund note). */
export async function sendBookingCancelledEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookingCancelledEmailInput> }): Promise<Notified> {
  const { bookingId, userId, eventId } = bookingCancelledEmailInput.parse(input);
  const [[booking], who] = await Promise.all([getBookingsByIds({ ctx, input: { ids: [bookingId] } }), recipientOf(ctx, { userId, eventId })]);
  if (!booking || !who) return skipped("booking, user or event missing");
  if (booking.cancelledBy === "event_cancelled") {
    return sendEmail(ctx.db, {
      dedupeKey: `event-cancelled:${booking.id}`,
      to: who.user.email,
      message: {
        template: "event-cancelled",
        props: {
          recipientName: who.user.name,
          event: who.event,
          bookingId: booking.id,
          quantity: booking.quantity,
          totalCents: booking.totalCents,
          currency: booking.currency,
          reason: who.cancellationReason,
        },
      },
    });
  }
  return sendEmail(ctx.db, {
    dedupeKey: `booking-cancelled:${booking.id}`,
    to: who.user.email,
    message: {
      template: "booking-cancelled",
      props: {
        recipientName: who.user.name,
        bookingId: booking.id,
        event: who.event,
        quantity: booking.quantity,
        cancelledBy: booking.cancelledBy === "holder" ? "you" : "organizer",
      },
    },
  });
}
