import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { eventInventory, ticketTypes, type EventInventory, type TicketTypeRow } from "./schema";

export type TicketTypeTerms = Pick<
  TicketTypeRow,
  "id" | "name" | "description" | "priceCents" | "capacity" | "sold" | "salesStartAt" | "salesEndAt" | "perOrderMax" | "hidden" | "position"
>;

/**
 * What an event sells and on which terms, as read from its seat row and its live ticket types
 * (page order). The order statement re-checks every term it relies on (organizer, currency,
 * hold, each type's name, price and sale window), so these may be a little stale.
 */
export type OrderTerms = {
  inventory: Pick<EventInventory, "eventId" | "organizerId" | "organizationId" | "currency" | "holdMinutes" | "status" | "endsAt" | "capacity" | "sold" | "held" | "perUserLimit">;
  types: TicketTypeTerms[];
};

export async function readOrderTerms(db: DbOrTx, eventId: string): Promise<OrderTerms | null> {
  const [inv] = await db.select().from(eventInventory).where(eq(eventInventory.eventId, eventId));
  if (!inv) return null;
  const types = await db
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.eventId, eventId), isNull(ticketTypes.retiredAt)))
    .orderBy(asc(ticketTypes.position), asc(ticketTypes.id));
  return { inventory: inv, types };
}

/** The type a quantity-only booking orders: the first visible one on sale now, in page order. */
export function firstOnSaleType(terms: OrderTerms, at: Date): TicketTypeTerms | undefined {
  return terms.types.find((t) => !t.hidden && onSale(t, at));
}

export function onSale(t: Pick<TicketTypeRow, "salesStartAt" | "salesEndAt">, at: Date): boolean {
  return (!t.salesStartAt || t.salesStartAt <= at) && (!t.salesEndAt || t.salesEndAt > at);
}

const MAX_EVENTS = 10_000;
/** Long enough to spare the hot path a read per order, short enough that a hidden type or a new per-order maximum shows within seconds. */
const TTL_MS = 5_000;
const seen = new Map<string, { terms: OrderTerms; readAt: number }>();

/**
 * The terms this process last read for an event. Only a guess that spares an order the reads
 * of the seat row and the types: the order statement sells only if the terms still hold, and
 * a miss reads them again. Bounded: the oldest event is forgotten first.
 */
export const lastKnownTerms = {
  get(eventId: string): OrderTerms | undefined {
    const found = seen.get(eventId);
    if (found && Date.now() - found.readAt < TTL_MS) return found.terms;
    return undefined;
  },
  remember(eventId: string, terms: OrderTerms) {
    seen.delete(eventId);
    seen.set(eventId, { terms, readAt: Date.now() });
    if (seen.size > MAX_EVENTS) seen.delete(seen.keys().next().value!);
  },
  forget: (eventId: string) => void seen.delete(eventId),
};
