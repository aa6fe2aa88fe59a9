import { z } from "zod";

/** The facts the bookings domain emits (SEAMS.md); analytics and the email jobs consume them. */
const cancelledBy = z.enum(["holder", "organizer", "admin", "event_cancelled"]);

export const bookingEvents = {
  "booking.confirmed": z.object({
    bookingId: z.uuid(),
    eventId: z.uuid(),
    userId: z.uuid(),
    organizerId: z.uuid(),
    quantity: z.number().int().positive(),
    totalCents: z.number().int().nonnegative(),
    currency: z.string(),
    source: z.enum(["direct", "waitlist"]),
    confirmedAt: z.iso.datetime({ offset: true }),
  }),
  "booking.cancelled": z.object({
    bookingId: z.uuid(),
    eventId: z.uuid(),
    userId: z.uuid(),
    organizerId: z.uuid(),
    quantity: z.number().int().positive(),
    totalCents: z.number().int().nonnegative(),
    currency: z.string(),
    cancelledBy,
    cancelledAt: z.iso.datetime({ offset: true }),
  }),
  "seats.released": z.object({ eventId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.joined": z.object({ entryId: z.uuid(), eventId: z.uuid(), userId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.promoted": z.object({
    entryId: z.uuid(),
    eventId: z.uuid(),
    userId: z.uuid(),
    bookingId: z.uuid(),
    quantity: z.number().int().positive(),
  }),
  "waitlist.left": z.object({ entryId: z.uuid(), eventId: z.uuid(), userId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.closed": z.object({ eventId: z.uuid(), entries: z.number().int().nonnegative() }),
};
