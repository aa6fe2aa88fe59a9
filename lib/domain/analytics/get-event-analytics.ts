import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { readableEventStats, type EventStatsRow } from "./analytics-scope";
import { fillRate } from "./fill-rate";

export const getEventAnalyticsInput = z.object({ eventId: z.string() });

export type EventAnalytics = {
  eventId: string;
  title: string;
  currency: string;
  status: string | null;
  capacity: number;
  seatsSold: number;
  bookingsConfirmed: number;
  bookingsCancelled: number;
  /** Net money (gross - refunds) in the event's currency: an event has one, so this never mixes. */
  revenueCents: number;
  grossCents: number;
  refundsCents: number;
  netCents: number;
  waitlistWaiting: number;
  fillRate: number;
  updatedAt: string;
};

export function toEventAnalytics(row: EventStatsRow): EventAnalytics {
  return {
    eventId: row.eventId,
    title: row.title,
    currency: row.currency,
    status: row.status,
    capacity: row.capacity,
    seatsSold: row.seatsSold,
    bookingsConfirmed: row.bookingsConfirmed,
    bookingsCancelled: row.bookingsCancelled,
    revenueCents: row.revenueCents,
    grossCents: row.grossCents,
    refundsCents: row.refundsCents,
    netCents: row.revenueCents,
    waitlistWaiting: row.waitlistWaiting,
    fillRate: fillRate(row.seatsSold, row.capacity),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * One event's current totals, from its stats row (one primary-key read). The owner and admins
 * only; any other organizer gets 404, attendees 403.
 */
export async function getEventAnalytics({ ctx, input }: { ctx: Ctx; input: z.input<typeof getEventAnalyticsInput> }): Promise<EventAnalytics> {
  const { eventId } = getEventAnalyticsInput.parse(input);
  return toEventAnalytics(await readableEventStats(ctx, eventId));
}
