import { fillRate } from "./fill-rate";

/** One event's current totals as the analytics lists show them (top events, leaderboard, fill-rate chart). */
export type EventTotals = {
  eventId: string;
  title: string;
  currency: string;
  capacity: number;
  seatsSold: number;
  /** Net (gross - refunds), in this event's own currency. */
  revenueCents: number;
  fillRate: number;
};

/** Picks the totals off a stats or ranking row; the fill rate is derived, never stored. */
export function toEventTotals(row: Omit<EventTotals, "fillRate">): EventTotals {
  return {
    eventId: row.eventId,
    title: row.title,
    currency: row.currency,
    capacity: row.capacity,
    seatsSold: row.seatsSold,
    revenueCents: row.revenueCents,
    fillRate: fillRate(row.seatsSold, row.capacity),
  };
}
