import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";

/**
 * Seats anyone may order now, per event and per live ticket type, decided in one query:
 * capacity − sold − held, plus the seats of unpaid orders whose hold lapsed but which the
 * expiry job has not swept yet (a lapsed hold never counts, even before the job ran). A type
 * with its own quota offers the lesser of its quota's room and the event's.
 */
export async function readAvailability(db: DbOrTx, eventIds: string[], at: Date): Promise<Map<string, { seats: number; types: Map<string, number> }>> {
  const found = new Map<string, { seats: number; types: Map<string, number> }>();
  if (eventIds.length === 0) return found;
  const atIso = at.toISOString();
  const rows = await db.execute<{ event_id: string; seats: number; type_id: string | null; type_room: number | null }>(sql`
    with events as (
      select i.event_id, (i.capacity - i.sold - i.held + coalesce((
               select sum(b.quantity) from bookings.bookings b
                where b.event_id = i.event_id and b.status = 'awaiting_payment' and b.expires_at <= ${atIso}::timestamptz), 0))::int as seats
        from bookings.event_inventory i
       where i.event_id in (select (jsonb_array_elements_text(${JSON.stringify(eventIds)}::jsonb))::uuid)
    )
    select e.event_id, e.seats, t.id as type_id,
           case when t.capacity is null then null else (t.capacity - t.sold + coalesce((
             select sum(l.quantity) from bookings.order_lines l join bookings.bookings b on b.id = l.booking_id
              where l.ticket_type_id = t.id and b.event_id = e.event_id and b.status = 'awaiting_payment' and b.expires_at <= ${atIso}::timestamptz), 0))::int end as type_room
      from events e left join bookings.ticket_types t on t.event_id = e.event_id and t.retired_at is null`);
  for (const row of rows) {
    const entry = found.get(row.event_id) ?? { seats: Math.max(0, row.seats), types: new Map<string, number>() };
    if (row.type_id) entry.types.set(row.type_id, Math.max(0, Math.min(entry.seats, row.type_room ?? entry.seats)));
    found.set(row.event_id, entry);
  }
  return found;
}
