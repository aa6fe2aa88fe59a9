import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { eventInventory, ticketTypes } from "./schema";
import { eventSeatsAvailable, ticketTypeSeatsAvailable } from "./ticket-type-availability";

/**
 * Seats anyone may order now, per event and per live ticket type, in one query, by the one
 * availability rule (ticket-type-availability.ts: a lapsed unpaid hold never counts, even before
 * the expiry job swept it; a type with its own quota offers the lesser of its room and the event's).
 */
export async function readAvailability(db: DbOrTx, eventIds: string[], at: Date): Promise<Map<string, { seats: number; types: Map<string, number> }>> {
  const found = new Map<string, { seats: number; types: Map<string, number> }>();
  if (eventIds.length === 0) return found;
  const rows = await db
    .select({ eventId: eventInventory.eventId, seats: eventSeatsAvailable(at), typeId: ticketTypes.id, typeSeats: ticketTypeSeatsAvailable(at) })
    .from(eventInventory)
    .leftJoin(ticketTypes, and(eq(ticketTypes.eventId, eventInventory.eventId), isNull(ticketTypes.retiredAt)))
    .where(inArray(eventInventory.eventId, eventIds));
  for (const row of rows) {
    const entry = found.get(row.eventId) ?? { seats: row.seats, types: new Map<string, number>() };
    if (row.typeId) entry.types.set(row.typeId, row.typeSeats);
    found.set(row.eventId, entry);
  }
  return found;
}
