import { z } from "zod";

/** The facts the bookings domain emits (SEAMS.md); analytics and the email jobs consume them. */
const cancelledBy = z.enum(["holder", "organizer", "admin", "event_cancelled"]);

/**
 * The organization of the event a fact is about (webhook endpoints belong to organizations):
 * null for an event outside any; absent from facts written before facts carried it.
 */
const organizationId = z.uuid().nullable().optional();

/** What every order fact carries (an order is a booking: `orderId` is also its booking id). */
const orderFact = {
  orderId: z.uuid(),
  eventId: z.uuid(),
  userId: z.uuid(),
  organizerId: z.uuid(),
  organizationId,
  quantity: z.number().int().positive(),
  totalCents: z.number().int().nonnegative(),
  currency: z.string(),
};

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
  /** Placed and waiting for payment until `expiresAt`. */
  "order.placed": z.object({ ...orderFact, expiresAt: z.iso.datetime({ offset: true }), source: z.enum(["direct", "waitlist"]) }),
  "order.confirmed": z.object({ ...orderFact, paidAt: z.iso.datetime({ offset: true }).nullable(), source: z.enum(["direct", "waitlist"]) }),
  /** The hold lapsed unpaid; its seats went back. */
  "order.expired": z.object({ ...orderFact, expiredAt: z.iso.datetime({ offset: true }), source: z.enum(["direct", "waitlist"]) }),
  /** An unpaid order abandoned by its buyer (or cancelled by the organizer); paid ones are refunded instead. */
  "order.cancelled": z.object({ ...orderFact, cancelledBy, cancelledAt: z.iso.datetime({ offset: true }) }),
  /** `paidAt` null: the money came in after the order had ended (a late payment), so it was never a sale. */
  "order.refunded": z.object({
    ...orderFact,
    amountCents: z.number().int().nonnegative(),
    reason: z.string(),
    refundedAt: z.iso.datetime({ offset: true }),
    paidAt: z.iso.datetime({ offset: true }).nullable(),
  }),
  /** A ticket got a new code and holder; the old code no longer admits anyone. */
  "ticket.transferred": z.object({ ticketId: z.uuid(), orderId: z.uuid(), eventId: z.uuid(), organizerId: z.uuid(), fromUserId: z.uuid(), holderEmail: z.string() }),
  /** An organizer's message to attendees, to be mailed batch by batch. */
  "attendees.message_sent": z.object({ messageId: z.uuid(), eventId: z.uuid(), organizerId: z.uuid() }),
  "seats.released": z.object({ eventId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.joined": z.object({ entryId: z.uuid(), eventId: z.uuid(), userId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.promoted": z.object({
    entryId: z.uuid(),
    eventId: z.uuid(),
    userId: z.uuid(),
    bookingId: z.uuid(),
    quantity: z.number().int().positive(),
    /** Set when the event is paid: the promotion is an offer, held until then for payment. */
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
  "waitlist.left": z.object({ entryId: z.uuid(), eventId: z.uuid(), userId: z.uuid(), quantity: z.number().int().positive() }),
  "waitlist.closed": z.object({ eventId: z.uuid(), entries: z.number().int().nonnegative() }),
  /** A ticket got in at the door; `checkedInAt` is when it was scanned (earlier than now for a scan synced after being offline). */
  "checkin.created": z.object({
    ticketId: z.uuid(),
    ticketCode: z.string(),
    ticketTypeId: z.uuid(),
    orderId: z.uuid(),
    eventId: z.uuid(),
    organizerId: z.uuid(),
    organizationId,
    checkedInAt: z.iso.datetime({ offset: true }),
    checkedInBy: z.uuid().nullable(),
  }),
};
