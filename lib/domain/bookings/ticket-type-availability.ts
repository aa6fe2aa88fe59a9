import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { eventInventory, ticketTypes } from "./schema";

/**
 * The one availability rule (ORDERS-SPEC "Availability"): seats = capacity − sold − held, plus
 * the seats of awaiting-payment orders whose hold has lapsed but that no job has swept yet, so
 * a lapsed hold never counts, even before the expiry job ran. Per ticket type likewise through
 * its order lines, and never more than the event itself has left. Written as SQL fragments so
 * the order engine's statement and every reader share it. Both sub-selects start from the
 * partial index of awaiting-payment orders by (event, expiry), which holds only open holds.
 */
export function lapsedEventSeats(eventId: AnyPgColumn | SQL, now: Date): SQL<number> {
  return sql<number>`(select coalesce(sum(b.quantity), 0) from bookings.bookings b
    where b.event_id = ${eventId} and b.status = 'awaiting_payment' and b.expires_at <= ${now.toISOString()}::timestamptz)::int`;
}

export function lapsedTypeSeats(eventId: AnyPgColumn | SQL, ticketTypeId: AnyPgColumn | SQL, now: Date): SQL<number> {
  return sql<number>`(select coalesce(sum(l.quantity), 0) from bookings.bookings b
    join bookings.order_lines l on l.booking_id = b.id and l.ticket_type_id = ${ticketTypeId}
    where b.event_id = ${eventId} and b.status = 'awaiting_payment' and b.expires_at <= ${now.toISOString()}::timestamptz)::int`;
}

/** Seats anyone can buy now from the event's row (read with `event_inventory` in the FROM). */
export function eventSeatsAvailable(now: Date): SQL<number> {
  return sql<number>`greatest(0, ${eventInventory.capacity} - ${eventInventory.sold} - ${eventInventory.held} + ${lapsedEventSeats(eventInventory.eventId, now)})::int`;
}

/** Seats of one type anyone can buy now (read with `ticket_types` joined to its `event_inventory`). */
export function ticketTypeSeatsAvailable(now: Date): SQL<number> {
  const typeRoom = sql`case when ${ticketTypes.capacity} is null then 2147483647
    else ${ticketTypes.capacity} - ${ticketTypes.sold} + ${lapsedTypeSeats(ticketTypes.eventId, ticketTypes.id, now)} end`;
  return sql<number>`greatest(0, least(${typeRoom}, ${eventSeatsAvailable(now)}))::int`;
}
