import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { bookingEvents } from "./events";
import type { EventOwnership } from "./event-ownership";
import { prepareStatement } from "./prepared-statement";
import type { TicketAtDoor } from "./ticket-at-door";

const p = (name: string) => sql.placeholder(name);

/** What the fact says beyond the ticket row's ids, checked before the statement writes it. */
const factFromRequest = bookingEvents["checkin.created"].omit({ ticketId: true, ticketTypeId: true, orderId: true });

export type CheckInScan = {
  eventId: string;
  /** Normalized: the unique index holds codes exactly so. */
  ticketCode: string;
  /** The owner the actor was authorized against; nothing is written unless the event still has it. */
  ownership: EventOwnership;
  at: Date;
  by: string | null;
  factId: string;
  requestId: string;
};

/** The event's owner as it is now, and the ticket as the statement found it: `admitted` when this scan let it in. */
export type CheckInDecision = { ownership: EventOwnership; ticket: TicketAtDoor | null; admitted: boolean };

/** As the raw statement answers: the ticket's columns (times as text), or none but the owner's. */
type Row = EventOwnership & Omit<TicketAtDoor, "id" | "checkedInAt"> & { id: string | null; checkedInAt: string | null; admitted: boolean };

/**
 * A scan, decided in one autocommit statement: the event's owner, the ticket of this event with
 * this code (its order and type), the check-in itself and its `checkin.created` outbox fact.
 * The UPDATE is the decision: it sets `checked_in_at` only while it is null, the order is
 * confirmed and the event still belongs to the owner the actor was authorized against. Of any
 * number of doors scanning one code at once, Postgres lets exactly one update the row; the
 * others re-check it once the winner commits, find it taken and update nothing.
 *
 * No NOTIFY: while doors open the jobs worker's poll picks the facts up within a second
 * instead of waking once per scan, as for direct orders (order-statement.ts).
 * Indexes: event_inventory and bookings by primary key, booking_items by
 * booking_items_ticket_code_unique, ticket_types by primary key.
 */
export const checkInStatement = sql`
  with door as (
    select organizer_id, organization_id
      from bookings.event_inventory
     where event_id = ${p("eventId")}::uuid
  ), ticket as (
    select i.id, i.ticket_code, i.ticket_type_id, i.checked_in_at, i.checked_in_by,
           b.id as order_id, b.status as order_status, b.user_id, t.name as ticket_type_name
      from bookings.booking_items i
      join bookings.bookings b on b.id = i.booking_id
      join bookings.ticket_types t on t.id = i.ticket_type_id
     where i.ticket_code = ${p("ticketCode")}::text and b.event_id = ${p("eventId")}::uuid
  ), admitted as (
    update bookings.booking_items i
       set checked_in_at = ${p("atIso")}::timestamptz, checked_in_by = ${p("by")}::uuid
      from ticket, door
     where i.id = ticket.id
       and i.checked_in_at is null
       and ticket.order_status = 'confirmed'
       and door.organizer_id = ${p("organizerId")}::uuid
       and door.organization_id is not distinct from ${p("organizationId")}::uuid
    returning i.id
  ), fact as (
    insert into platform.outbox (id, name, data, request_id)
    select ${p("factId")}::uuid, 'checkin.created',
           ${p("factJson")}::jsonb || jsonb_build_object('ticketId', ticket.id, 'ticketTypeId', ticket.ticket_type_id, 'orderId', ticket.order_id),
           ${p("requestId")}::text
      from admitted, ticket
  )
  select door.organizer_id as "organizerId", door.organization_id as "organizationId",
         ticket.id, ticket.ticket_code as "ticketCode", ticket.ticket_type_id as "ticketTypeId",
         ticket.ticket_type_name as "ticketTypeName", ticket.order_id as "orderId",
         ticket.order_status as "orderStatus", ticket.user_id as "userId",
         ticket.checked_in_at as "checkedInAt", ticket.checked_in_by as "checkedInBy",
         exists (select 1 from admitted) as admitted
    from door left join ticket on true`;

const decide = prepareStatement<Row>(checkInStatement);

/** Runs the scan's statement; null when the event does not exist. */
export async function decideCheckIn(db: DbOrTx, scan: CheckInScan): Promise<CheckInDecision | null> {
  const at = scan.at.toISOString();
  const fact = factFromRequest.parse({
    ticketCode: scan.ticketCode,
    eventId: scan.eventId,
    organizerId: scan.ownership.organizerId,
    checkedInAt: at,
    checkedInBy: scan.by,
  });
  const [row] = await decide(db, {
    eventId: scan.eventId,
    ticketCode: scan.ticketCode,
    atIso: at,
    by: scan.by,
    organizerId: scan.ownership.organizerId,
    organizationId: scan.ownership.organizationId,
    factId: scan.factId,
    factJson: JSON.stringify(fact),
    requestId: scan.requestId,
  });
  if (!row) return null;
  const ownership = { organizerId: row.organizerId, organizationId: row.organizationId };
  if (row.id === null) return { ownership, ticket: null, admitted: false };
  const ticket: TicketAtDoor = {
    id: row.id,
    ticketCode: row.ticketCode,
    ticketTypeId: row.ticketTypeId,
    ticketTypeName: row.ticketTypeName,
    orderId: row.orderId,
    orderStatus: row.orderStatus,
    userId: row.userId,
    // Timestamps arrive as Postgres prints them (drizzle leaves them unparsed); Date reads that form.
    checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt),
    checkedInBy: row.checkedInBy,
  };
  return { ownership, ticket, admitted: row.admitted };
}
