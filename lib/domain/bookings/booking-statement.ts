import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { BookingView } from "./booking-view";
import type { KeyRef } from "./idempotency";
import { prepareStatement } from "./prepared-statement";

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

const p = (name: keyof DirectBooking | "itemsJson" | "viewJson" | "factJson" | "idempotencyKey" | "requestHash" | "atIso") => sql.placeholder(name);

/**
 * The whole booking as ONE autocommit statement, so the event's seat row is locked only while
 * Postgres runs it, never across a round trip. The conditional update decides: nothing else
 * happens unless `sold + held + q <= capacity` held for the locked row. In the same commit: the
 * per-user holding (its check constraint refuses going over the cap, rolling everything back),
 * the booking and its tickets, the idempotency answer (a duplicate key rolls everything back),
 * the audit row and the `booking.confirmed` outbox fact. No NOTIFY: during a rush the jobs
 * worker's poll picks the facts up within a second instead of waking once per seat.
 */
const bookDirect = prepareStatement<{ totalCents: number; currency: string; organizerId: string }>(sql`
  with inv as (
    update bookings.event_inventory
       set sold = sold + ${p("quantity")}::int
     where event_id = ${p("eventId")}::uuid
       and status = 'published'
       and ends_at > ${p("atIso")}::timestamptz
       and sold + held + ${p("quantity")}::int <= capacity
    returning organizer_id, price_cents, currency, per_user_limit
  ), holding as (
    insert into bookings.seat_holdings as h (event_id, user_id, seats, seat_limit)
    select ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, per_user_limit from inv
    on conflict (event_id, user_id) do update
      set seats = h.seats + excluded.seats, seat_limit = excluded.seat_limit
    returning seats
  ), booking as (
    insert into bookings.bookings (id, event_id, user_id, quantity, status, total_cents, currency, source, created_at)
    select ${p("bookingId")}::uuid, ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, 'confirmed',
           price_cents * ${p("quantity")}::int, currency, 'direct', ${p("atIso")}::timestamptz
    from inv
    returning id, total_cents, currency
  ), items as (
    insert into bookings.booking_items (id, booking_id, ticket_code)
    select t.id, booking.id, t."ticketCode"
    from booking, jsonb_to_recordset(${p("itemsJson")}::jsonb) as t(id uuid, "ticketCode" text)
  ), answer as (
    insert into bookings.idempotency_keys (user_id, key, request_hash, outcome, created_at)
    select ${p("userId")}::uuid, ${p("idempotencyKey")}::text, ${p("requestHash")}::text,
           jsonb_build_object('booking', ${p("viewJson")}::jsonb || jsonb_build_object('totalCents', total_cents, 'currency', currency)),
           ${p("atIso")}::timestamptz
    from booking
  ), audit as (
    insert into bookings.audit_log (event_id, booking_id, action, actor_id, before, after, request_id, at)
    select ${p("eventId")}::uuid, id, 'booking.created', ${p("userId")}::uuid, null,
           jsonb_build_object('status', 'confirmed', 'quantity', ${p("quantity")}::int, 'totalCents', total_cents, 'source', 'direct'),
           ${p("requestId")}::text, ${p("atIso")}::timestamptz
    from booking
  ), fact as (
    insert into platform.outbox (id, name, data, request_id, occurred_at)
    select ${p("outboxId")}::uuid, 'booking.confirmed',
           ${p("factJson")}::jsonb
             || jsonb_build_object('organizerId', inv.organizer_id, 'totalCents', booking.total_cents, 'currency', booking.currency),
           ${p("requestId")}::text, ${p("atIso")}::timestamptz
    from booking, inv
  )
  select booking.total_cents as "totalCents", booking.currency, inv.organizer_id as "organizerId"
  from booking, inv`);

/** Books the seats, or returns null when the seat update matched nothing (sold out, not bookable or unknown). */
export async function insertDirectBooking(db: DbOrTx, b: DirectBooking) {
  const atIso = b.at.toISOString();
  const view: Omit<BookingView, "totalCents" | "currency"> = {
    id: b.bookingId,
    eventId: b.eventId,
    userId: b.userId,
    quantity: b.quantity,
    status: "confirmed",
    items: b.items,
    createdAt: atIso,
    cancelledAt: null,
    source: "direct",
    cancelledBy: null,
  };
  const fact = { bookingId: b.bookingId, eventId: b.eventId, userId: b.userId, quantity: b.quantity, source: "direct", confirmedAt: atIso };
  const [row] = await bookDirect(db, {
    ...b,
    atIso,
    itemsJson: JSON.stringify(b.items),
    viewJson: JSON.stringify(view),
    factJson: JSON.stringify(fact),
    idempotencyKey: b.key.key,
    requestHash: b.key.requestHash,
  });
  if (!row) return null;
  const booking: BookingView = { ...view, totalCents: row.totalCents, currency: row.currency };
  return { booking, organizerId: row.organizerId };
}
