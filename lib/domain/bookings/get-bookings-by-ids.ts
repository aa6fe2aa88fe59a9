import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { toBookingView, type BookingView } from "./booking-view";
import { bookingItems, bookings } from "./schema";

export const getBookingsByIdsInput = z.object({ ids: z.array(z.string()).max(1000) });

/**
 * Bookings with their tickets for the jobs that tell holders about them (notifications): one
 * query, tickets aggregated beside each row. Ticket codes get people in at the door, so only the
 * system actor reads them this way; faces go through getBooking and its policy.
 */
export async function getBookingsByIds({ ctx, input }: { ctx: Ctx; input: z.input<typeof getBookingsByIdsInput> }): Promise<BookingView[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const ids = [...new Set(getBookingsByIdsInput.parse(input).ids.filter(isUuid))];
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({
      row: bookings,
      // The outer column is written by hand: drizzle writes it bare in a one-table select, and a
      // bare `id` inside the subquery would mean the ticket's own.
      items: sql<{ id: string; ticketCode: string }[]>`coalesce((
        select json_agg(json_build_object('id', i.id, 'ticketCode', i.ticket_code) order by i.ticket_code collate "C")
        from ${bookingItems} i where i.booking_id = bookings.id), '[]'::json)`,
    })
    .from(bookings)
    .where(inArray(bookings.id, ids));
  return rows.map((r) => toBookingView(r.row, r.items));
}
