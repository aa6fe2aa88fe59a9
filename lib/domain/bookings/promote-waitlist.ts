import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { countBookingConfirmed, countWaitlistPromotion } from "@/lib/metrics/domain";
import { actorIdOf } from "./audit";
import { runOrderStatement } from "./order-statement";
import { firstOnSaleType, readOrderTerms } from "./order-terms";
import { retryOnConflict } from "./retry";
import { eventInventory, waitlistEntries, type BookingStatus, type EventInventory, type WaitlistEntryRow } from "./schema";
import { newTicketCodes } from "./ticket-code";

export const promoteWaitlistInput = z.object({ eventId: z.uuid(), max: z.number().int().min(1).max(500).default(50) });

/** `awaiting_payment`: the event is paid, so the promotion is an offer held until its deadline for payment. */
export type Promotion = { entryId: string; bookingId: string; userId: string; quantity: number; status: BookingStatus };

/**
 * Serves an event's waitlist in order (priority desc, then FIFO): the first waiting entry whose
 * quantity fits the free seats (held ones included, and the first on-sale type's quota) and
 * keeps its user within the per-user cap gets an order of that type through the order engine;
 * entries that do not fit keep their place. On a free event the order is confirmed; on a paid
 * one it is an offer awaiting payment until the event's hold minutes pass, and when it lapses
 * its seats go back to the line (held) and the next in line is served. Each promotion is its own transaction
 * (seat row locked, entry locked SKIP LOCKED, then the booking statement that direct bookings
 * use: seats, booking, tickets, entry, audit, facts), so a crash leaves every promotion either
 * done or not, and a retry continues where it stopped.
 * `done` once nobody fits: the seats still held for the waitlist then go back on sale.
 */
export async function promoteWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof promoteWaitlistInput> }) {
  const i = promoteWaitlistInput.parse(input);
  authorize(ctx.actor, "waitlist:manage");
  const promoted: Promotion[] = [];
  while (promoted.length < i.max) {
    const next = await retryOnConflict(() => withTransaction(ctx, (tx) => promoteNext(ctx, tx, i.eventId)));
    if (!next) return { promoted, done: true };
    promoted.push(next);
    if (next.status === "confirmed") countBookingConfirmed("waitlist", next.quantity);
    countWaitlistPromotion();
    ctx.log.info({ ...next, eventId: i.eventId }, "waitlist.promoted");
  }
  return { promoted, done: false };
}

async function promoteNext(ctx: Ctx, tx: Tx, eventId: string): Promise<Promotion | null> {
  const [inv] = await tx.select().from(eventInventory).where(eq(eventInventory.eventId, eventId)).for("update");
  if (!inv) return null;
  const terms = await readOrderTerms(tx, eventId);
  const type = terms && inv.status === "published" && inv.endsAt > ctx.now() ? firstOnSaleType(terms, ctx.now()) : undefined;
  const room = type ? Math.min(inv.capacity - inv.sold, type.capacity === null ? Infinity : type.capacity - type.sold) : 0;
  const entry = room > 0 ? await firstFittingEntry(tx, inv, room) : undefined;
  if (!entry || !type) {
    if (inv.held > 0) await tx.update(eventInventory).set({ held: 0 }).where(eq(eventInventory.eventId, eventId));
    return null;
  }
  const order = await runOrderStatement(tx, {
    source: "waitlist",
    entry: { id: entry.id, priority: entry.priority },
    orderId: randomUUID(),
    eventId,
    userId: entry.userId,
    organizerId: inv.organizerId,
    organizationId: inv.organizationId,
    currency: inv.currency,
    holdMinutes: inv.holdMinutes,
    lines: [{ ticketTypeId: type.id, name: type.name, quantity: entry.quantity, unitPriceCents: type.priceCents }],
    subtotalCents: type.priceCents * entry.quantity,
    discountCents: 0,
    promo: null,
    // The test provider's page needs no URL of its own; a provider that does attaches it (attachCheckout).
    payment: { provider: "test", checkoutUrl: null },
    tickets: newTicketCodes(entry.quantity).map((ticketCode) => ({ id: randomUUID(), ticketCode, ticketTypeId: type.id })),
    actorId: actorIdOf(ctx.actor),
    requestId: ctx.requestId,
    at: ctx.now(),
  });
  // The seat row and the entry are locked and were checked above: the statement cannot miss.
  if (!order) throw new Error(`promotion of waitlist entry ${entry.id} matched no seats`);
  return { entryId: entry.id, bookingId: order.id, userId: entry.userId, quantity: entry.quantity, status: order.status };
}

/**
 * The first entry in serving order that fits the free seats and its user's cap, locked (raw
 * SQL: drizzle qualifies the table in `FOR UPDATE OF`, which Postgres refuses).
 */
async function firstFittingEntry(tx: Tx, inv: EventInventory, room: number): Promise<WaitlistEntryRow | undefined> {
  const rows = await tx.execute<{ id: string }>(sql`
    select e.id from bookings.waitlist_entries e
      left join bookings.seat_holdings h on h.event_id = e.event_id and h.user_id = e.user_id
     where e.event_id = ${inv.eventId}::uuid and e.status = 'waiting'
       and e.quantity <= ${room}::int
       and coalesce(h.seats, 0) + e.quantity <= ${inv.perUserLimit}::int
     order by e.priority desc, e.created_at, e.id
     limit 1
     for update of e skip locked`);
  const id = rows[0]?.id;
  if (!id) return undefined;
  const [entry] = await tx.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return entry;
}
