import { and, asc, count, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { bookingItems, bookings, ticketTypes } from "./schema";
import { admits, loadEventAtDoor } from "./ticket-at-door";

export const checkInStatsInput = z.object({ eventId: z.string() });

export type CheckInTypeStats = { ticketTypeId: string; name: string; checkedIn: number; tickets: number };
export type CheckInStats = { checkedIn: number; tickets: number; byTicketType: CheckInTypeStats[] };

/**
 * How many of the tickets that admit (those of confirmed orders) are in, overall and per ticket
 * type in page order. Read live from the tickets, so every door sees the same figure.
 */
export async function checkInStats({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkInStatsInput> }): Promise<CheckInStats> {
  const { eventId } = checkInStatsInput.parse(input);
  await loadEventAtDoor(ctx.db, ctx.actor, eventId, "checkin:scan");
  const rows = await ctx.db
    .select({
      ticketTypeId: ticketTypes.id,
      name: ticketTypes.name,
      tickets: count(bookings.id),
      checkedIn: sql<number>`count(${bookingItems.checkedInAt}) filter (where ${bookings.id} is not null)`.mapWith(Number),
    })
    .from(ticketTypes)
    .leftJoin(bookingItems, eq(bookingItems.ticketTypeId, ticketTypes.id))
    .leftJoin(bookings, and(eq(bookings.id, bookingItems.bookingId), admits))
    .where(eq(ticketTypes.eventId, eventId))
    .groupBy(ticketTypes.id)
    .orderBy(asc(ticketTypes.position), asc(ticketTypes.id));
  // A retired type nobody holds says nothing at the door.
  const byTicketType = rows.filter((r) => r.tickets > 0 || r.checkedIn > 0);
  return {
    checkedIn: byTicketType.reduce((n, r) => n + r.checkedIn, 0),
    tickets: byTicketType.reduce((n, r) => n + r.tickets, 0),
    byTicketType,
  };
}
