import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { JOBS_CHANNEL } from "@/lib/jobs/outbox";
import type { BookingView } from "./booking-view";
import type { KeyRef } from "./idempotency";
import { executePrepared } from "./prepared-statement";

export type DirectBooking = {
  bookingId: string;
  eventId: string;
  userId: string;
  quantity: number;
  items: { id: string; ticketCode: string }[];
  key: KeyRef;
  outboxId: string;
  requestId: string;
  at: Date;
};

/**
 * The whole booking as ONE autocommit statement, so the event's seat row is locked only while
 * Postgres runs it, never across a round trip. The conditional update decides: nothing else
 * happens unless `sold + held + q <= capacity` held for the locked row. In the same commit: the
 * per-user holding (its check constraint refuses going over the cap, rolling everything back),
 * the booking and its tickets, the idempotency answer (a duplicate key rolls everything back),
 * the audit row and the `booking.confirmed` outbox fact.
 * Returns null when the seat update matched nothing (sold out, not bookable or unknown).
 */
export async function insertDirectBooking(db: DbOrTx, b: DirectBooking) {
  const at = b.at.toISOString();
  const view: Omit<BookingView, "totalCents" | "currency"> = {
    id: b.bookingId,
    eventId: b.eventId,
    userId: b.userId,
    quantity: b.quantity,
    status: "confirmed",
    items: b.items,
    createdAt: at,
    cancelledAt: null,
    source: "direct",
    cancelledBy: null,
  };
  const fact = { bookingId: b.bookingId, eventId: b.eventId, userId: b.userId, quantity: b.quantity, source: "direct", confirmedAt: at };
  const rows = await executePrepared<{ totalCents: number; currency: string; organizerId: string }>(db, sql`
    with inv as (
      update bookings.event_inventory
         set sold = sold + ${b.quantity}::int
       where event_id = ${b.eventId}::uuid
         and status = 'published'
         and ends_at > ${at}::timestamptz
         and sold + held + ${b.quantity}::int <= capacity
      returning organizer_id, price_cents, currency, per_user_limit
    ), holding as (
      insert into bookings.seat_holdings as h (event_id, user_id, seats, seat_limit)
      select ${b.eventId}::uuid, ${b.userId}::uuid, ${b.quantity}::int, per_user_limit from inv
      on conflict (event_id, user_id) do update
        set seats = h.seats + excluded.seats, seat_limit = excluded.seat_limit
      returning seats
    ), booking as (
      insert into bookings.bookings (id, event_id, user_id, quantity, status, total_cents, currency, source, created_at)
      select ${b.bookingId}::uuid, ${b.eventId}::uuid, ${b.userId}::uuid, ${b.quantity}::int, 'confirmed',
             price_cents * ${b.quantity}::int, currency, 'direct', ${at}::timestamptz
      from inv
      returning id, total_cents, currency
    ), items as (
      insert into bookings.booking_items (id, booking_id, ticket_code)
      select t.id, booking.id, t."ticketCode"
      from booking, jsonb_to_recordset(${JSON.stringify(b.items)}::jsonb) as t(id uuid, "ticketCode" text)
    ), answer as (
      insert into bookings.idempotency_keys (user_id, key, request_hash, outcome, created_at)
      select ${b.userId}::uuid, ${b.key.key}::text, ${b.key.requestHash}::text,
             jsonb_build_object('booking', ${JSON.stringify(view)}::jsonb
               || jsonb_build_object('totalCents', total_cents, 'currency', currency)),
             ${at}::timestamptz
      from booking
    ), audit as (
      insert into bookings.audit_log (event_id, booking_id, action, actor_id, before, after, request_id, at)
      select ${b.eventId}::uuid, id, 'booking.created', ${b.userId}::uuid, null,
             jsonb_build_object('status', 'confirmed', 'quantity', ${b.quantity}::int, 'totalCents', total_cents, 'source', 'direct'),
             ${b.requestId}::text, ${at}::timestamptz
      from booking
    ), fact as (
      insert into platform.outbox (id, name, data, request_id, occurred_at)
      select ${b.outboxId}::uuid, 'booking.confirmed',
             ${JSON.stringify(fact)}::jsonb
               || jsonb_build_object('organizerId', inv.organizer_id, 'totalCents', booking.total_cents, 'currency', booking.currency),
             ${b.requestId}::text, ${at}::timestamptz
      from booking, inv
    )
    select booking.total_cents as "totalCents", booking.currency, inv.organizer_id as "organizerId",
           pg_notify(${JOBS_CHANNEL}::text, '')
    from booking, inv`);
  const row = rows[0];
  if (!row) return null;
  const booking: BookingView = { ...view, totalCents: row.totalCents, currency: row.currency };
  return { booking, organizerId: row.organizerId };
}
