import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getUsersByIds, type UserSummary } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { getEventsByIds } from "@/lib/domain/events";
import { env } from "@/lib/env";
import type { EmailMessage } from "@/emails/render";
import { sendEmail, type SendEmailResult } from "@/lib/mail/send-email";
import { withItems, type BookingView } from "./booking-view";
import { bookings, waitlistEntries } from "./schema";
import { entryViews } from "./waitlist-view";

/**
 * Job steps that mail booking news to the person it concerns. Each message's dedupe key names
 * the booking or entry and the kind of news, so a retried step never sends it twice. A user or
 * event that no longer exists means there is nobody (or nothing) to tell: skipped.
 */
type Sent = SendEmailResult | { status: "skipped"; reason: string };

const bookingUrl = (id: string) => new URL(`/bookings/${id}`, env.APP_URL).toString();
const eventUrl = (id: string) => new URL(`/events/${id}`, env.APP_URL).toString();

async function recipientAndEvent(ctx: Ctx, userId: string, eventId: string) {
  const [[user], [event]] = await Promise.all([
    getUsersByIds({ ctx, input: { ids: [userId] } }),
    getEventsByIds({ ctx, input: { ids: [eventId] } }),
  ]);
  if (!user || !event) return null;
  const summary = { title: event.title, venue: event.venue, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString() };
  return { user, event: summary };
}

type Recipient = NonNullable<Awaited<ReturnType<typeof recipientAndEvent>>>;
type TicketsEmailProps = Extract<EmailMessage, { template: "booking-confirmed" | "waitlist-promoted" }>["props"];

async function loadBooking(ctx: Ctx, bookingId: string) {
  const [row] = await ctx.db.select().from(bookings).where(eq(bookings.id, bookingId));
  if (!row) return null;
  const [view] = await withItems(ctx.db, [row]);
  return view!;
}

/** A direct booking and a promotion are mailed the same tickets; only the wording around them differs. */
function bookedTickets(booking: BookingView, recipient: Recipient): TicketsEmailProps {
  return {
    recipientName: recipient.user.name,
    bookingId: booking.id,
    event: recipient.event,
    quantity: booking.quantity,
    totalCents: booking.totalCents,
    currency: booking.currency,
    ticketCodes: booking.items.map((i) => i.ticketCode),
    bookingUrl: bookingUrl(booking.id),
  };
}

function send(ctx: Ctx, dedupeKey: string, user: UserSummary, message: EmailMessage): Promise<SendEmailResult> {
  return sendEmail(ctx.db, { dedupeKey, to: user.email, message });
}

export const bookingEmailInput = z.object({ bookingId: z.uuid() });

/** "Your booking is confirmed", with the tickets: direct bookings (promotions get their own message). */
export async function sendBookingConfirmedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookingEmailInput> }): Promise<Sent> {
  const booking = await loadBooking(ctx, bookingEmailInput.parse(input).bookingId);
  const who = booking && (await recipientAndEvent(ctx, booking.userId, booking.eventId));
  if (!booking || !who) return { status: "skipped", reason: "booking, user or event missing" };
  return send(ctx, `booking-confirmed:${booking.id}`, who.user, {
    template: "booking-confirmed",
    props: bookedTickets(booking, who),
  });
}

/** The holder learns of a cancellation: their own or the organizer's, or the whole event's (refund note). */
export async function sendBookingCancelledEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookingEmailInput> }): Promise<Sent> {
  const booking = await loadBooking(ctx, bookingEmailInput.parse(input).bookingId);
  const who = booking && (await recipientAndEvent(ctx, booking.userId, booking.eventId));
  if (!booking || !who) return { status: "skipped", reason: "booking, user or event missing" };
  if (booking.cancelledBy === "event_cancelled") {
    return send(ctx, `event-cancelled:${booking.id}`, who.user, {
      template: "event-cancelled",
      props: {
        recipientName: who.user.name,
        event: who.event,
        bookingId: booking.id,
        quantity: booking.quantity,
        totalCents: booking.totalCents,
        currency: booking.currency,
      },
    });
  }
  return send(ctx, `booking-cancelled:${booking.id}`, who.user, {
    template: "booking-cancelled",
    props: {
      recipientName: who.user.name,
      bookingId: booking.id,
      event: who.event,
      quantity: booking.quantity,
      cancelledBy: booking.cancelledBy === "holder" ? "you" : "organizer",
    },
  });
}

export const waitlistEmailInput = z.object({ entryId: z.uuid() });

/** "You're #n on the waitlist", with the position at sending time. */
export async function sendWaitlistJoinedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof waitlistEmailInput> }): Promise<Sent> {
  const [entry] = await entryViews(ctx.db, [waitlistEmailInput.parse(input).entryId]);
  if (!entry || entry.status !== "waiting" || entry.position === null) return { status: "skipped", reason: "no longer waiting" };
  const who = await recipientAndEvent(ctx, entry.userId, entry.eventId);
  if (!who) return { status: "skipped", reason: "user or event missing" };
  return send(ctx, `waitlist-joined:${entry.id}`, who.user, {
    template: "waitlist-joined",
    props: { recipientName: who.user.name, event: who.event, position: entry.position, quantity: entry.quantity, eventUrl: eventUrl(entry.eventId) },
  });
}

/** "You're off the waitlist": the booking made for the entry, with its tickets. */
export async function sendWaitlistPromotedEmail({ ctx, input }: { ctx: Ctx; input: z.input<typeof waitlistEmailInput> }): Promise<Sent> {
  const { entryId } = waitlistEmailInput.parse(input);
  const [entry] = await ctx.db
    .select({ bookingId: waitlistEntries.bookingId })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.id, entryId), eq(waitlistEntries.status, "booked")));
  const booking = entry?.bookingId ? await loadBooking(ctx, entry.bookingId) : null;
  const who = booking && (await recipientAndEvent(ctx, booking.userId, booking.eventId));
  if (!booking || !who) return { status: "skipped", reason: "booking, user or event missing" };
  return send(ctx, `waitlist-promoted:${entryId}`, who.user, {
    template: "waitlist-promoted",
    props: bookedTickets(booking, who),
  });
}
