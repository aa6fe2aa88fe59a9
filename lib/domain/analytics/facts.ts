import { z } from "zod";

/**
 * The parts of other domains' facts that analytics reads (payloads in SEAMS.md). Declared here,
 * not imported, so analytics depends only on the fields it uses and a producer may add fields.
 */
const uuid = z.uuid();
const isoTime = z.iso.datetime({ offset: true });

export const eventSnapshotFact = z.looseObject({
  eventId: uuid,
  organizerId: uuid,
  /** Whose members read the event's figures; absent on facts written before organizations. */
  organizationId: uuid.nullable().optional(),
  title: z.string(),
  capacity: z.number().int().min(0),
  currency: z.string().length(3),
  status: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  version: z.number().int().min(0),
});

/** What a confirmation and a cancellation both say about the booking: the cancellation takes back what the confirmation added. */
const bookingTotals = {
  bookingId: uuid,
  eventId: uuid,
  organizerId: uuid,
  quantity: z.number().int().positive(),
  totalCents: z.number().int().min(0),
  currency: z.string().length(3),
};

export const bookingConfirmedFact = z.looseObject({ ...bookingTotals, confirmedAt: isoTime });

export const bookingCancelledFact = z.looseObject({ ...bookingTotals, cancelledAt: isoTime });

/**
 * Money given back of an order's payment (full or partial, made by Evently or at the provider),
 * in the payment's currency, filed under the order's event. Only a refund of the sale (`ofSale`:
 * the payment that confirmed its order) moves the money figures: a late payment refunded because
 * its seats were gone, or a second payment of an order already paid, never counted as gross, so
 * its refund must not count either.
 */
export const paymentRefundedFact = z.looseObject({
  refundId: uuid,
  orderId: uuid,
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
  refundedAt: isoTime,
  ofSale: z.boolean(),
});

export const waitlistFactNames = ["waitlist.joined", "waitlist.left", "waitlist.promoted", "waitlist.closed"] as const;
export type WaitlistFactName = (typeof waitlistFactNames)[number];

export const waitlistFact = z.looseObject({
  eventId: uuid,
  /** Present on waitlist.closed only: how many waiting entries the closing ended. */
  entries: z.number().int().min(0).optional(),
});

/** Every fact is applied under its outbox id, which is also its Inngest event id. */
export const outboxId = uuid;

/** The UTC calendar day of an instant, as YYYY-MM-DD: daily buckets follow UTC, never the server's zone. */
export function utcDay(instant: string | Date): string {
  return new Date(instant).toISOString().slice(0, 10);
}
