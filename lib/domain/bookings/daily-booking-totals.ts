import { sql } from "drizzle-orm";
import { z } from "zod";
import { confirmedAt, everConfirmed } from "./ever-confirmed";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";

const utcDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a YYYY-MM-DD date");

export const dailyBookingTotalsInput = z
  .object({ from: utcDate, to: utcDate })
  .refine((i) => i.from <= i.to, { path: ["to"], message: "must not be before from" });

export type DailyBookingTotals = {
  date: string;
  eventId: string;
  /** Bookings made that day, seats and revenue in them (whether or not cancelled later). */
  bookings: number;
  seatsSold: number;
  revenueCents: number;
  /** Bookings cancelled that day, with their seats and revenue. */
  cancellations: number;
  seatsCancelled: number;
  revenueCancelledCents: number;
};

/**
 * Activity per UTC day and event, from the rows, for reconciliation and backfill: a sale counts
 * on the day it was confirmed (paid, or made when free), a cancellation or refund of it on the
 * day it happened (inclusive range of days). Holds that never became sales count for nothing.
 */
export async function dailyBookingTotals({ ctx, input }: { ctx: Ctx; input: z.input<typeof dailyBookingTotalsInput> }): Promise<DailyBookingTotals[]> {
  const { from, to } = dailyBookingTotalsInput.parse(input);
  authorize(ctx.actor, "analytics:system");
  const start = sql`${from}::date::timestamp at time zone 'UTC'`;
  const end = sql`(${to}::date + 1)::timestamp at time zone 'UTC'`;
  const rows = await ctx.db.execute<DailyBookingTotals>(sql`
    with activity as (
      select (${confirmedAt} at time zone 'UTC')::date as day, event_id, 1 as bookings, quantity as seats, total_cents as revenue,
             0 as cancellations, 0 as seats_cancelled, 0::bigint as revenue_cancelled
        from bookings.bookings where ${confirmedAt} >= ${start} and ${confirmedAt} < ${end} and ${everConfirmed}
      union all
      select (cancelled_at at time zone 'UTC')::date, event_id, 0, 0, 0, 1, quantity, total_cents
        from bookings.bookings where cancelled_at >= ${start} and cancelled_at < ${end} and ${everConfirmed} and status <> 'confirmed'
    )
    select to_char(day, 'YYYY-MM-DD') as date, event_id as "eventId",
           sum(bookings)::int as bookings, sum(seats)::int as "seatsSold", sum(revenue)::bigint as "revenueCents",
           sum(cancellations)::int as cancellations, sum(seats_cancelled)::int as "seatsCancelled",
           sum(revenue_cancelled)::bigint as "revenueCancelledCents"
      from activity
     group by day, event_id
     order by day, event_id`);
  return rows.map((r) => ({ ...r, revenueCents: Number(r.revenueCents), revenueCancelledCents: Number(r.revenueCancelledCents) }));
}
