import { randomUUID } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { JOBS_CHANNEL, validateEvent } from "@/lib/jobs/outbox";
import type { OrderOutcome, KeyRef } from "./idempotency";
import type { OrderLineView, OrderView, TicketView } from "./order-view";
import { prepareStatement } from "./prepared-statement";
import type { EventOwner } from "./end-order";
import type { AuditAction } from "./schema";

/**
 * One order to place, whatever asked for it, priced and checked against the terms the caller
 * read. `direct`: a buyer takes open seats and the answer is stored under their idempotency
 * key. `waitlist`: a waiting entry takes seats held for the line (or open ones) and becomes
 * `booked`. A total above 0 makes it wait for payment, holding its seats until `expiresAt`.
 */
export type OrderDraft = {
  orderId: string;
  eventId: string;
  userId: string;
  organizerId: string;
  /** The event's organization (null outside any), named by its facts. */
  organizationId: string | null;
  currency: string;
  holdMinutes: number;
  lines: OrderLineView[];
  subtotalCents: number;
  discountCents: number;
  promo: { id: string; typed: string; percentOff: number | null; amountOffCents: number | null } | null;
  payment: { provider: string; checkoutUrl: string | null };
  tickets: Omit<TicketView, "checkedInAt" | "attendeeName" | "holderEmail">[];
  /** Who acted, for the audit trail (null: the system). */
  actorId: string | null;
  requestId: string;
  at: Date;
} & ({ source: "direct"; key: KeyRef } | { source: "waitlist"; entry: { id: string; priority: number } });

type Source = OrderDraft["source"];

const p = (name: string) => sql.placeholder(name);

/**
 * The event's seat claim differs by source: a direct buyer may take only seats nobody waits
 * for (`held` ones are the line's); a promotion takes held seats first, then open ones.
 */
const claims: Record<Source, SQL> = {
  direct: sql`set sold = sold + ${p("quantity")}::int
     where event_id = ${p("eventId")}::uuid
       and sold + held + ${p("quantity")}::int <= capacity`,
  waitlist: sql`set sold = sold + ${p("quantity")}::int, held = held - least(held, ${p("quantity")}::int)
     where event_id = ${p("eventId")}::uuid
       and sold + ${p("quantity")}::int <= capacity`,
};

/** What each source records beside the order: the idempotency answer, or the served entry. */
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

const lineSet = sql`jsonb_to_recordset(${p("linesJson")}::jsonb) as l("ticketTypeId" uuid, name text, quantity int, "unitPriceCents" int)`;

/**
 * The order engine: one statement per source, built here once, for direct orders, bookings
 * and waitlist promotions alike. It runs autocommit on the hot path, so the event's seat row
 * is locked only while Postgres runs it, never across a round trip.
 *
 * The event row's conditional update decides first: nothing else happens unless the event has
 * the seats, is on sale, and its terms (organizer, currency, hold, and each ordered type's name,
 * price and sale window, and the promo code's discount and validity) are still those the order
 * was priced with. The ticket types and the promo code are then counted unconditionally: their
 * check constraints (`ticket_types_sold_within_capacity`, `promo_codes_uses_within_max`) abort
 * the whole statement when a type is full or the code used up, so an order is never half
 * taken. Then, in the same commit: the per-user holding (its check refuses going over the cap),
 * the order, its lines and tickets, the source's own record, the audit rows and the outbox
 * facts, built and validated before the statement. Locks are taken in the house order: the
 * event row, its types, the promo code, the holding. Direct orders send no NOTIFY: during a
 * rush the jobs worker's poll picks their facts up within a second instead of waking once per
 * order; a promotion wakes it, as `emit` would.
 */
function orderStatement(source: Source): SQL {
  return sql`
  with inv as (
    update bookings.event_inventory
       ${claims[source]}
       and status = 'published'
       and ends_at > ${p("atIso")}::timestamptz
       and organizer_id = ${p("organizerId")}::uuid
       and currency = ${p("currency")}::text
       and hold_minutes = ${p("holdMinutes")}::int
       and (select count(*) from bookings.ticket_types t, ${lineSet}
             where t.id = l."ticketTypeId" and t.event_id = ${p("eventId")}::uuid and t.retired_at is null
               and t.name = l.name and t.price_cents = l."unitPriceCents"
               and (t.sales_start_at is null or t.sales_start_at <= ${p("atIso")}::timestamptz)
               and (t.sales_end_at is null or t.sales_end_at > ${p("atIso")}::timestamptz)) = ${p("lineCount")}::int
       and (${p("promoCodeId")}::uuid is null or exists (
             select 1 from bookings.promo_codes c
              where c.id = ${p("promoCodeId")}::uuid and c.event_id = ${p("eventId")}::uuid
                and c.percent_off is not distinct from ${p("percentOff")}::int
                and c.amount_off_cents is not distinct from ${p("amountOffCents")}::int
                and (c.valid_from is null or c.valid_from <= ${p("atIso")}::timestamptz)
                and (c.valid_until is null or c.valid_until > ${p("atIso")}::timestamptz)))
    returning per_user_limit
  ), types as (
    update bookings.ticket_types t
       set sold = t.sold + l.quantity
      from inv, ${lineSet}
     where t.id = l."ticketTypeId"
  ), promo as (
    update bookings.promo_codes c
       set uses = c.uses + 1
      from inv
     where c.id = ${p("promoCodeId")}::uuid
  ), holding as (
    insert into bookings.seat_holdings as h (event_id, user_id, seats, seat_limit)
    select ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, per_user_limit from inv
    on conflict (event_id, user_id) do update
      set seats = h.seats + excluded.seats, seat_limit = excluded.seat_limit
  ), booking as (
    insert into bookings.bookings (id, event_id, user_id, quantity, status, subtotal_cents, discount_cents, total_cents, currency,
                                   promo_code_id, promo_code, source, expires_at, payment_provider, payment_status, checkout_url, created_at)
    select ${p("orderId")}::uuid, ${p("eventId")}::uuid, ${p("userId")}::uuid, ${p("quantity")}::int, ${p("status")}::bookings.booking_status,
           ${p("subtotalCents")}::int, ${p("discountCents")}::int, ${p("totalCents")}::int, ${p("currency")}::text,
           ${p("promoCodeId")}::uuid, ${p("promoCode")}::text, ${sql.raw(`'${source}'`)}, ${p("expiresAtIso")}::timestamptz,
           ${p("paymentProvider")}::text, ${p("paymentStatus")}::bookings.payment_status, ${p("checkoutUrl")}::text, ${p("atIso")}::timestamptz
    from inv
    returning id
  ), lines as (
    insert into bookings.order_lines (booking_id, ticket_type_id, name, quantity, unit_price_cents)
    select booking.id, l."ticketTypeId", l.name, l.quantity, l."unitPriceCents"
    from booking, ${lineSet}
  ), tickets as (
    insert into bookings.booking_items (id, booking_id, ticket_type_id, ticket_code)
    select t.id, booking.id, t."ticketTypeId", t."ticketCode"
    from booking, jsonb_to_recordset(${p("ticketsJson")}::jsonb) as t(id uuid, "ticketCode" text, "ticketTypeId" uuid)
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
  direct: prepareStatement(orderStatement("direct")),
  waitlist: prepareStatement(orderStatement("waitlist")),
};

type AuditRow = { waitlistEntryId: string | null; action: AuditAction; before: unknown; after: unknown };
type Fact = { id: string; name: string; data: Record<string, unknown> };

/** The order as its buyer sees it once the statement commits. */
export function placedView(draft: OrderDraft): OrderView {
  const totalCents = draft.subtotalCents - draft.discountCents;
  const awaiting = totalCents > 0;
  return {
    id: draft.orderId,
    eventId: draft.eventId,
    userId: draft.userId,
    status: awaiting ? "awaiting_payment" : "confirmed",
    items: draft.lines,
    subtotalCents: draft.subtotalCents,
    discountCents: draft.discountCents,
    totalCents,
    currency: draft.currency,
    promoCode: draft.promo?.typed ?? null,
    expiresAt: awaiting ? new Date(draft.at.getTime() + draft.holdMinutes * 60_000).toISOString() : null,
    paidAt: null,
    tickets: draft.tickets.map((t) => ({ ...t, checkedInAt: null, attendeeName: null, holderEmail: null })),
    payment: awaiting ? { provider: draft.payment.provider, status: "pending", checkoutUrl: draft.payment.checkoutUrl } : null,
    createdAt: draft.at.toISOString(),
    quantity: draft.lines.reduce((n, l) => n + l.quantity, 0),
    cancelledAt: null,
    source: draft.source,
    cancelledBy: null,
  };
}

/** The facts of an order that became confirmed: the order's own and the booking one analytics and the ticket email read. */
export function confirmedFacts(view: OrderView, owner: EventOwner, confirmedAt: string): Fact[] {
  const base = { eventId: view.eventId, userId: view.userId, organizerId: owner.organizerId, totalCents: view.totalCents, currency: view.currency };
  return [
    {
      id: randomUUID(),
      name: "order.confirmed",
      data: { ...base, organizationId: owner.organizationId, orderId: view.id, quantity: view.quantity, paidAt: view.paidAt, source: view.source },
    },
    { id: randomUUID(), name: "booking.confirmed", data: { ...base, bookingId: view.id, quantity: view.quantity, source: view.source, confirmedAt } },
  ];
}

/**
 * Places the order in one statement, or returns null when the event row's update matched
 * nothing (not enough seats, not on sale, unknown, or terms changed since they were read).
 * A full ticket type, a used-up code or the per-user cap throw their check violation.
 */
export async function runOrderStatement(db: DbOrTx, draft: OrderDraft): Promise<OrderView | null> {
  const view = placedView(draft);
  const { orderId, eventId, userId } = draft;
  const facts: Fact[] =
    view.status === "confirmed"
      ? confirmedFacts(view, draft, view.createdAt)
      : [
          {
            id: randomUUID(),
            name: "order.placed",
            data: { orderId, eventId, userId, organizerId: draft.organizerId, totalCents: view.totalCents, currency: view.currency, quantity: view.quantity, expiresAt: view.expiresAt, source: draft.source },
          },
        ];
  const audit: AuditRow[] = [
    {
      waitlistEntryId: null,
      action: "booking.created",
      before: null,
      after: { status: view.status, quantity: view.quantity, totalCents: view.totalCents, source: draft.source, promoCode: view.promoCode },
    },
  ];
  const values: Record<string, unknown> = {};
  if (draft.source === "direct") {
    const answer: OrderOutcome = { order: view };
    Object.assign(values, { idempotencyKey: draft.key.key, requestHash: draft.key.requestHash, answerJson: JSON.stringify(answer) });
  } else {
    audit.push({
      waitlistEntryId: draft.entry.id,
      action: "waitlist.promoted",
      before: { status: "waiting", priority: draft.entry.priority },
      after: { status: "booked", bookingId: orderId, orderStatus: view.status },
    });
    facts.push({
      id: randomUUID(),
      name: "waitlist.promoted",
      data: { bookingId: orderId, eventId, userId, quantity: view.quantity, entryId: draft.entry.id, expiresAt: view.expiresAt },
    });
    values.entryId = draft.entry.id;
  }
  const [row] = await statements[draft.source](db, {
    ...values,
    orderId,
    eventId,
    userId,
    quantity: view.quantity,
    status: view.status,
    organizerId: draft.organizerId,
    currency: draft.currency,
    holdMinutes: draft.holdMinutes,
    linesJson: JSON.stringify(draft.lines),
    lineCount: draft.lines.length,
    promoCodeId: draft.promo?.id ?? null,
    promoCode: draft.promo?.typed ?? null,
    percentOff: draft.promo?.percentOff ?? null,
    amountOffCents: draft.promo?.amountOffCents ?? null,
    subtotalCents: view.subtotalCents,
    discountCents: view.discountCents,
    totalCents: view.totalCents,
    expiresAtIso: view.expiresAt,
    paymentProvider: view.payment?.provider ?? null,
    paymentStatus: view.payment?.status ?? null,
    checkoutUrl: view.payment?.checkoutUrl ?? null,
    actorId: draft.actorId,
    requestId: draft.requestId,
    atIso: view.createdAt,
    ticketsJson: JSON.stringify(draft.tickets),
    auditJson: JSON.stringify(audit),
    factsJson: JSON.stringify(facts.map((f) => ({ ...f, data: validateEvent(f.name, f.data) }))),
  });
  return row ? view : null;
}
