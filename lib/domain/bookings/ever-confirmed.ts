import { sql } from "drizzle-orm";

/**
 * Orders that were confirmed at some point, as the booking facts analytics counts saw them:
 * confirmed now, cancelled after confirming (free, booked before payments existed, or paid and
 * cancelled with its event; an abandoned unpaid order has a payment status and no `paid_at`),
 * or refunded after being paid.
 * Unpaid orders that expired or were abandoned never sold anything. Columns are unqualified:
 * use it in a query on bookings.bookings alone.
 */
export const everConfirmed = sql.raw(`(status = 'confirmed' or (status = 'cancelled' and (payment_status is null or paid_at is not null)) or (status = 'refunded' and paid_at is not null))`);

/** When such an order's sale counts: when it was paid, else when it was made. */
export const confirmedAt = sql.raw(`coalesce(paid_at, created_at)`);
