import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { bookingConfirmedFact, outboxId, utcDay } from "./facts";
import { requireSystem } from "./require-system";

export const applyBookingConfirmedInput = z.object({ outboxId, fact: bookingConfirmedFact });

/**
 * Adds a confirmed booking to its event's totals and to the UTC day it was confirmed on, in one
 * statement behind the exactly-once gate (applyOnce). Returns whether this call applied the fact.
 */
export async function applyBookingConfirmed({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyBookingConfirmedInput> }) {
  requireSystem(ctx);
  const { outboxId: id, fact } = applyBookingConfirmedInput.parse(input);
  const now = ctx.now().toISOString();
  const applied = await applyOnce(
    ctx,
    { outboxId: id, name: "booking.confirmed", eventId: fact.eventId, now },
    sql`
      stats as (
        insert into analytics.event_stats as s
          (event_id, organizer_id, currency, seats_sold, bookings_confirmed, revenue_cents, updated_at)
        select ${fact.eventId}, ${fact.organizerId}, ${fact.currency}, ${fact.quantity}, 1, ${fact.totalCents}, ${now}::timestamptz
        from logged
        on conflict (event_id) do update set
          seats_sold = s.seats_sold + excluded.seats_sold,
          bookings_confirmed = s.bookings_confirmed + 1,
          revenue_cents = s.revenue_cents + excluded.revenue_cents,
          organizer_id = coalesce(s.organizer_id, excluded.organizer_id),
          updated_at = excluded.updated_at
        returning 1
      ), daily as (
        insert into analytics.daily_stats as d (date, event_id, organizer_id, bookings, seats_sold, revenue_cents)
        select ${utcDay(fact.confirmedAt)}::date, ${fact.eventId}, ${fact.organizerId}, 1, ${fact.quantity}, ${fact.totalCents}
        from logged
        on conflict (date, event_id) do update set
          bookings = d.bookings + 1,
          seats_sold = d.seats_sold + excluded.seats_sold,
          revenue_cents = d.revenue_cents + excluded.revenue_cents,
          organizer_id = coalesce(d.organizer_id, excluded.organizer_id)
        returning 1
      )`,
  );
  if (applied) ctx.log.info({ eventId: fact.eventId, bookingId: fact.bookingId, outboxId: id }, "analytics.booking_confirmed_applied");
  return { applied };
}
