import { and, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { bookingItems, bookings } from "./schema";
import { admits, loadEventAtDoor } from "./ticket-at-door";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const checkInArrivalsInput = z.object({ eventId: z.string(), timeZone: z.string().refine(isTimeZone, "Unknown time zone") });

/** Arrivals in one 10-minute slot; `slot` is its start as wall-clock time in the event's zone (`2026-12-07T19:10`). */
export type ArrivalSlot = { slot: string; arrivals: number };

/**
 * Check-ins per 10 minutes of the event's wall clock (a zone offset like +05:45 does not shift
 * the slots), oldest first, of tickets that still admit.
 */
export async function checkInArrivals({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkInArrivalsInput> }): Promise<ArrivalSlot[]> {
  const { eventId, timeZone } = checkInArrivalsInput.parse(input);
  await loadEventAtDoor(ctx.db, ctx.actor, eventId, "checkin:scan");
  const slot = sql<string>`to_char(date_bin('10 minutes', ${bookingItems.checkedInAt} at time zone ${timeZone}, timestamp '2000-01-01'), 'YYYY-MM-DD"T"HH24:MI')`;
  return ctx.db
    .select({ slot, arrivals: sql<number>`count(*)`.mapWith(Number) })
    .from(bookingItems)
    .innerJoin(bookings, and(eq(bookings.id, bookingItems.bookingId), admits))
    .where(and(eq(bookings.eventId, eventId), isNotNull(bookingItems.checkedInAt)))
    // By position: the slot expression carries the zone as a parameter, and two copies of it would not match.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}
