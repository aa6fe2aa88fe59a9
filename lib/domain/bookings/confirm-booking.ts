import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { JOBS_CHANNEL, validateEvent } from "@/lib/jobs/outbox";
import type { BookingTerms } from "./booking-terms";
import type { BookingView } from "./booking-view";
import type { BookingOutcome, KeyRef } from "./idempotency";
import { prepareStatement } from "./prepared-statement";
import type { AuditAction } from "./schema";

/**
 * One booking to confirm, whatever asked for it. `direct`: a buyer takes open seats and the
 * answer is stored under their idempotency key. `waitlist`: a waiting entry takes seats held
 * for the line (or open ones) and becomes `booked`.
 */
export type BookingOrder = {
  bookingId: string;
  eventId: string;
  userId: string;
  quantity: number;
  terms: BookingTerms;
  tickets: { id: string; ticketCode: string }[];
  /** Who acted, for the audit trail (null: the system). */
  actorId: string | null;
  requestId: string;
  at: Date;
} & ({ source: "direct"; key: KeyRef } | { source: "waitlist"; entry: { id: string; priority: number } });

type Source = BookingOrder["source"];

const p = (name: string) => sql.placeholder(name);

/**
 * The seat claim differs by source: a direct buyer may take only seats nobody waits for
 * (`held` ones are the line's); a promotion takes held seats first, then open ones.
 */
const claims: Record<Source, SQL> = {
  direct: sql`set sold = sold + ${p("quantity")}::int
     where event_id = ${p("eventId")}::uuid
       and sold + held + ${p("quantity")}::int <= capacity`,
  waitlist: sql`set sold = sold + ${p("quantity")}::int, held = held - least(held, ${p("quantity")}::int)
     where event_id = ${p("eventId")}::uuid
       and sold + ${p("quantity")}::int <= capacity`,
};

/** What each source records beside the booking: the idempotency answer, or the served entry. */
const sideEffects: Record<Source, SQL> = {
  direct: sql`, answer as (
    insert into bookings.idempotency_keys (user_id, key, request_hash, outcome, created_at)
    select ${p("userId")}::uuid, ${p("idempotencyKey")}::text, ${p("requestHash")}::text, ${p("answerJson")}::jsonb, ${p("atIso")}::timestamptz
    from booking
  )`,
  waitlist: sql`, entry as (
    update bookings.waitlist_entries e
       set status = 'booked', booking_id = booking.id, version = e.version + 1, updated_at = ${p("atIso")}::timestamptz
      from booking
     where e.id = ${p("entryId")}::uuid and e.status = 'waiting'
  )`,
};

/**
 * The booking engine: one statement per source, built here once. It runs autocommit on the hot
 * path, so the event's seat row is locked only while Postgres runs it, never across a round
 * trip. The conditional update decides: nothing else happens unless the seats are free and the
 * terms (organizer, price, currency) are still those the caller read. In the same commit: the
 * per-user holding (its check constraint refuses going over the cap, rolling everything back),
 * the booking and its tickets, the source's own record, the audit rows and the outbox facts,
 * which were built and validated by their event schemas before the statement. Direct bookings
 * send no NOTIFY: during a rush the jobs worker's poll picks their facts up within a second
 * instead of waking once per seat; a promotion wakes it, as `emit` would.
 */
function bookingStatement(source: Source): SQL {
  return sql`
  with inv as (
    update bookings.event_inventory
       ${claims[source]}
       and status = 'published'
       and ends_at > ${p("atIso")}::timestamptz
       and organizer_id = ${p("organizerId")}::uuid
       and price_cents = ${p("priceCents")}::int
       and currency = ${p("currency")}::text
    returning per_user_limit
  ), ticket_type as (
    update bookings.ticket_types t
       set sold = t.sold + ${p("quantity")}::int
      from (select id from bookings.ticket_types
             where event_id = ${p("eventId")}::uuid and retired_at is null
             order by position, id limit 1) first_type, inv
     where t.id = first_type.id
    returning t.id, t.name
  ), holding as (
    insert into bookings.seat_holdings as h (event_id, user_id, seats, seat_limit)
    select ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, per_user_limit from inv
    on conflict (event_id, user_id) do update
      set seats = h.seats + excluded.seats, seat_limit = excluded.seat_limit
  ), booking as (
    insert into bookings.bookings (id, event_id, user_id, quantity, status, subtotal_cents, total_cents, currency, source, created_at)
    select ${p("bookingId")}::uuid, ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, 'confirmed',
           ${p("totalCents")}::int, ${p("totalCents")}::int, ${p("currency")}::text, ${sql.raw(`'${source}'`)}, ${p("atIso")}::timestamptz
    from inv
    returning id
  ), line as (
    insert into bookings.order_lines (booking_id, ticket_type_id, name, quantity, unit_price_cents)
    select booking.id, ticket_type.id, ticket_type.name, ${p("quantity")}::int, ${p("priceCents")}::int
    from booking, ticket_type
  ), tickets as (
    insert into bookings.booking_items (id, booking_id, ticket_type_id, ticket_code)
    select t.id, booking.id, ticket_type.id, t."ticketCode"
    from booking, ticket_type, jsonb_to_recordset(${p("ticketsJson")}::jsonb) as t(id uuid, "ticketCode" text)
  )${sideEffects[source]}, audit as (
    insert into bookings.audit_log (event_id, booking_id, waitlist_entry_id, action, actor_id, before, after, request_id, at)
    select ${p("eventId")}::uuid, booking.id, a."waitlistEntryId", a.action::bookings.audit_action, ${p("actorId")}::uuid,
           a.before, a.after, ${p("requestId")}::text, ${p("atIso")}::timestamptz
    from booking, jsonb_to_recordset(${p("auditJson")}::jsonb) as a("waitlistEntryId" uuid, action text, before jsonb, after jsonb)
  ), facts as (
    insert into platform.outbox (id, name, data, request_id, occurred_at)
    select f.id, f.name, f.data, ${p("requestId")}::text, ${p("atIso")}::timestamptz
    from booking, jsonb_to_recordset(${p("factsJson")}::jsonb) as f(id uuid, name text, data jsonb)
  )
  select booking.id${source === "waitlist" ? sql`, pg_notify(${JOBS_CHANNEL}, '')` : sql``} from booking`;
}

const statements: Record<Source, ReturnType<typeof prepareStatement<{ id: string }>>> = {
  direct: prepareStatement(bookingStatement("direct")),
  waitlist: prepareStatement(bookingStatement("waitlist")),
};

type AuditRow = { waitlistEntryId: string | null; action: AuditAction; before: unknown; after: unknown };
type Fact = { id: string; name: string; data: Record<string, unknown> };

/** The booking as its holder sees it once the statement commits. */
function confirmedView(order: BookingOrder): BookingView {
  return {
    id: order.bookingId,
    eventId: order.eventId,
    userId: order.userId,
    quantity: order.quantity,
    status: "confirmed",
    totalCents: order.terms.priceCents * order.quantity,
    currency: order.terms.currency,
    items: order.tickets,
    createdAt: order.at.toISOString(),
    cancelledAt: null,
    source: order.source,
    cancelledBy: null,
  };
}

/**
 * Confirms the order in one statement, or returns null when the seat update matched nothing
 * (not enough seats, not bookable, unknown, or the terms changed since they were read).
 */
export async function confirmBooking(db: DbOrTx, order: BookingOrder): Promise<BookingView | null> {
  const view = confirmedView(order);
  const { bookingId, eventId, userId, quantity } = order;
  const confirmed = {
    bookingId,
    eventId,
    userId,
    organizerId: order.terms.organizerId,
    quantity,
    totalCents: view.totalCents,
    currency: view.currency,
    source: order.source,
    confirmedAt: view.createdAt,
  };
  const created: AuditRow = {
    waitlistEntryId: null,
    action: "booking.created",
    before: null,
    after: { status: "confirmed", quantity, totalCents: view.totalCents, source: order.source },
  };
  const audit: AuditRow[] = [created];
  const facts: Fact[] = [{ id: randomUUID(), name: "booking.confirmed", data: confirmed }];
  const values: Record<string, unknown> = {};
  if (order.source === "direct") {
    const answer: BookingOutcome = { booking: view };
    Object.assign(values, { idempotencyKey: order.key.key, requestHash: order.key.requestHash, answerJson: JSON.stringify(answer) });
  } else {
    audit.push({
      waitlistEntryId: order.entry.id,
      action: "waitlist.promoted",
      before: { status: "waiting", priority: order.entry.priority },
      after: { status: "booked", bookingId },
    });
    facts.push({ id: randomUUID(), name: "waitlist.promoted", data: { bookingId, eventId, userId, quantity, entryId: order.entry.id } });
    values.entryId = order.entry.id;
  }
  const [row] = await statements[order.source](db, {
    ...values,
    bookingId,
    eventId,
    userId,
    quantity,
    organizerId: order.terms.organizerId,
    priceCents: order.terms.priceCents,
    currency: order.terms.currency,
    totalCents: view.totalCents,
    actorId: order.actorId,
    requestId: order.requestId,
    atIso: view.createdAt,
    ticketsJson: JSON.stringify(order.tickets),
    auditJson: JSON.stringify(audit),
    factsJson: JSON.stringify(facts.map((f) => ({ ...f, data: validateEvent(f.name, f.data) }))),
  });
  return row ? view : null;
}
