import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { bookingCancelledFact, outboxId, utcDay } from "./facts";
import { requireSystem } from "./require-system";

export const applyBookingCancelledInput = z.object({ outboxId, fact: bookingCancelledFact });

/**
 * Takes a cancelled booking out of its event's current totals and counts the cancellation on
 * the UTC day it happened (the day the booking was made keeps its sale: daily rows are activity).
 * One statement behind the exactly-once gate (applyOnce), as applyBookingConfirmed.
 */
export async function applyBookingCancelled({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyBookingCancelledInput> }) {
  requireSystem(ctx);
  const { outboxId: id, fact } = applyBookingCancelledInput.parse(input);
  const now = ctx.now().toISOString();
  const applied = await applyOnce(
    ctx,
    { outboxId: id, name: "booking.cancelled", eventId: fact.eventId, now },
    sql`
      stats as (
        insert into analytics.event_stats as s
          (event_id, organizer_id, currency, seats_sold, bookings_confirmed, bookings_cancelled, revenue_cents, updated_at)
        select ${fact.eventId}, ${fact.organizerId}, ${fact.currency}, -${fact.quantity}::int, -1, 1, -${fact.totalCents}::bigint, ${now}::timestamptz
        from logged
        on conflict (event_id) do update set
          seats_sold = s.seats_sold + excluded.seats_sold,
          bookings_confirmed = s.bookings_confirmed - 1,
          bookings_cancelled = s.bookings_cancelled + 1,
          revenue_cents = s.revenue_cents + excluded.revenue_cents,
          organizer_id = coalesce(s.organizer_id, excluded.organizer_id),
          updated_at = excluded.updated_at
        returning 1
      ), daily as (
        insert into analytics.daily_stats as d
          (date, event_id, organizer_id, cancellations, seats_cancelled, revenue_cancelled_cents)
        select ${utcDay(fact.cancelledAt)}::date, ${fact.eventId}, ${fact.organizerId}, 1, ${fact.quantity}, ${fact.totalCents}
        from logged
        on conflict (date, event_id) do update set
          cancellations = d.cancellations + 1,
          seats_cancelled = d.seats_cancelled + excluded.seats_cancelled,
          revenue_cancelled_cents = d.revenue_cancelled_cents + excluded.revenue_cancelled_cents,
          organizer_id = coalesce(d.organizer_id, excluded.organizer_id)
        returning 1
      )`,
  );
  if (applied) ctx.log.info({ eventId: fact.eventId, bookingId: fact.bookingId, outboxId: id }, "analytics.booking_cancelled_applied");
  return { applied };
}
