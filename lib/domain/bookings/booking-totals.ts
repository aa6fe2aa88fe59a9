import { sql } from "drizzle-orm";
import { z } from "zod";
import { everConfirmed } from "./ever-confirmed";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";

export const bookingTotalsInput = z.object({ eventIds: z.array(z.string()).max(10_000).optional() });

export type BookingTotals = {
  eventId: string;
  seatsSold: number;
  bookingsConfirmed: number;
  bookingsCancelled: number;
  /** Money of every sale ever confirmed (refunds are the payments domain's to count). */
  grossCents: number;
  waitlistWaiting: number;
};

/**
 * The ground truth analytics reconciles against, counted from the rows: what is confirmed now,
 * what was cancelled, the money ever taken for sales, and who waits. One row per event with inventory (all, or `eventIds`).
 */
export async function bookingTotals({ ctx, input }: { ctx: Ctx; input: z.input<typeof bookingTotalsInput> }): Promise<BookingTotals[]> {
  const { eventIds } = bookingTotalsInput.parse(input);
  authorize(ctx.actor, "analytics:system");
  const ids = eventIds?.filter(isUuid);
  if (ids && ids.length === 0) return [];
  const only = ids ? sql`where inv.event_id = any(${`{${ids.join(",")}}`}::uuid[])` : sql``;
  const rows = await ctx.db.execute<BookingTotals>(sql`
    select inv.event_id as "eventId",
           coalesce(b."seatsSold", 0)::int as "seatsSold",
           coalesce(b."bookingsConfirmed", 0)::int as "bookingsConfirmed",
           coalesce(b."bookingsCancelled", 0)::int as "bookingsCancelled",
           coalesce(b."grossCents", 0)::bigint as "grossCents",
           coalesce(w.waiting, 0)::int as "waitlistWaiting"
      from bookings.event_inventory inv
      left join lateral (
        select sum(quantity) filter (where status = 'confirmed') as "seatsSold",
               count(*) filter (where status = 'confirmed') as "bookingsConfirmed",
               count(*) filter (where status <> 'confirmed' and ${everConfirmed}) as "bookingsCancelled",
               sum(total_cents) filter (where ${everConfirmed}) as "grossCents"
          from bookings.bookings where event_id = inv.event_id
      ) b on true
      left join lateral (
        select count(*) as waiting from bookings.waitlist_entries where event_id = inv.event_id and status = 'waiting'
      ) w on true
      ${only}
     order by inv.event_id`);
  return rows.map((r) => ({ ...r, grossCents: Number(r.grossCents) }));
}
