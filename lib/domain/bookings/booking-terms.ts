import type { EventInventory } from "./schema";

/** What the buyer pays per seat and to whom, as read from the event's seat row. */
export type BookingTerms = { organizerId: string; priceCents: number; currency: string };

export function termsOf(inv: Pick<EventInventory, "organizerId" | "priceCents" | "currency">): BookingTerms {
  return { organizerId: inv.organizerId, priceCents: inv.priceCents, currency: inv.currency };
}

const MAX_EVENTS = 10_000;
const seen = new Map<string, BookingTerms>();

/**
 * The terms this process last read for an event. Only a guess that spares a booking the read
 * of the seat row: the booking statement books only if the terms still hold, and a miss reads
 * the row again. Bounded: the oldest event is forgotten first.
 */
export const lastKnownTerms = {
  get: (eventId: string) => seen.get(eventId),
  remember(eventId: string, terms: BookingTerms) {
    seen.delete(eventId);
    seen.set(eventId, terms);
    if (seen.size > MAX_EVENTS) seen.delete(seen.keys().next().value!);
  },
  forget: (eventId: string) => void seen.delete(eventId),
};
