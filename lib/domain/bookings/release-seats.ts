import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";

/**
 * Gives cancelled, expired or refunded orders' seats back to the event and their ticket types,
 * their promo code uses back to the codes, and takes them off their holders' per-user counts
 * (locks in the house order: event row, types, codes, holdings).
 * While someone waits on a bookable event the seats are held for the waitlist, so a fast
 * direct buyer cannot take them before the promotion job serves the queue in order.
 *
 * The seat row is locked first, in a statement of its own: a waitlist join holds it (FOR SHARE)
 * until it commits, and the waiting-entries check below must run on a snapshot taken after
 * that commit. Checked inside the update itself, it would use the snapshot from before the
 * update blocked, miss the new entry, and put the seats on open sale while its owner waits.
 */
export async function releaseSeats(
  tx: Tx,
  eventId: string,
  holders: { id: string; userId: string; quantity: number; promoCodeId: string | null }[],
): Promise<number> {
  const seats = holders.reduce((sum, h) => sum + h.quantity, 0);
  if (seats === 0) return 0;
  await tx.execute(sql`select 1 from bookings.event_inventory where event_id = ${eventId}::uuid for update`);
  await tx.execute(sql`
    update bookings.event_inventory
       set sold = sold - ${seats}::int,
           held = held + case
             when status = 'published' and ends_at > now() and exists (
               select 1 from bookings.waitlist_entries e where e.event_id = ${eventId}::uuid and e.status = 'waiting'
             ) then ${seats}::int else 0 end
     where event_id = ${eventId}::uuid`);
  // Each ticket type gets back what these orders bought of it (the event's row is locked first).
  await tx.execute(sql`
    update bookings.ticket_types t
       set sold = t.sold - l.seats
      from (select ticket_type_id, sum(quantity)::int as seats from bookings.order_lines
             where booking_id in (select (jsonb_array_elements_text(${JSON.stringify(holders.map((h) => h.id))}::jsonb))::uuid)
             group by ticket_type_id) l
     where t.id = l.ticket_type_id`);
  const uses = new Map<string, number>();
  for (const h of holders) if (h.promoCodeId) uses.set(h.promoCodeId, (uses.get(h.promoCodeId) ?? 0) + 1);
  if (uses.size > 0) {
    await tx.execute(sql`
      update bookings.promo_codes c
         set uses = c.uses - d.uses
        from jsonb_to_recordset(${JSON.stringify([...uses].map(([id, n]) => ({ id, uses: n })))}::jsonb) as d(id uuid, uses int)
       where c.id = d.id`);
  }
  const perUser = new Map<string, number>();
  for (const h of holders) perUser.set(h.userId, (perUser.get(h.userId) ?? 0) + h.quantity);
  await tx.execute(sql`
    update bookings.seat_holdings h
       set seats = h.seats - d.seats
      from jsonb_to_recordset(${JSON.stringify([...perUser].map(([userId, seats]) => ({ userId, seats })))}::jsonb)
           as d("userId" uuid, seats int)
     where h.event_id = ${eventId}::uuid and h.user_id = d."userId"`);
  return seats;
}
