import { and, between, inArray } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import { bookingTotals, dailyBookingTotals, listOrderEvents } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { listSaleRefunds } from "@/lib/domain/payments";
import { dailyStats, eventStats, type DriftDetail } from "./schema";
import { addDays, todayUtc } from "./utc-dates";

export const findAnalyticsDriftInput = z.object({
  /** Only these events (a re-check of earlier suspects); all events when absent. */
  eventIds: z.array(z.uuid()).max(10_000).optional(),
  /** How many recent UTC days of daily rows to compare as well. */
  days: z.number().int().min(1).max(366).default(35),
});

/** `details` is capped (it travels as job step state); `driftEventIds` is complete. */
export type DriftReport = { eventsChecked: number; driftEvents: number; driftEventIds: string[]; details: DriftDetail[] };

const MAX_DETAILS = 200;

const TOTALS = ["seatsSold", "bookingsConfirmed", "bookingsCancelled", "grossCents", "refundsCents", "revenueCents", "waitlistWaiting"] as const;
const DAILY = ["bookings", "seatsSold", "revenueCents", "cancellations", "seatsCancelled", "revenueCancelledCents", "refundsCents"] as const;

type Numbers<K extends string> = Record<K, number>;

function compare<K extends string>(
  fields: readonly K[],
  expected: Map<string, Numbers<K>>,
  actual: Map<string, Numbers<K> & { eventId: string }>,
  eventOf: (key: string) => string,
  label: (key: string, field: K) => string,
): DriftDetail[] {
  const details: DriftDetail[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const e = expected.get(key);
    const a = actual.get(key);
    for (const field of fields) {
      const want = e?.[field] ?? 0;
      const have = a?.[field] ?? 0;
      if (want !== have) details.push({ eventId: eventOf(key), field: label(key, field), expected: want, actual: have });
    }
  }
  return details;
}

/**
 * The refunds of sales per event and per day and event, counted from the payments domain's rows
 * and filed under their orders' events by bookings: what the `payment.refunded` facts add up to.
 */
async function saleRefunds(ctx: Ctx): Promise<{ perEvent: Map<string, number>; perDay: Map<string, number> }> {
  const refunds = await listSaleRefunds({ ctx, input: {} });
  const orders = await listOrderEvents({ ctx, input: { orderIds: refunds.map((r) => r.orderId) } });
  const eventOf = new Map(orders.map((o) => [o.orderId, o.eventId]));
  const perEvent = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const r of refunds) {
    const eventId = eventOf.get(r.orderId);
    if (!eventId) continue;
    perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + r.amountCents);
    perDay.set(dayKey(r.date, eventId), (perDay.get(dayKey(r.date, eventId)) ?? 0) + r.amountCents);
  }
  return { perEvent, perDay };
}

const dayKey = (date: string, eventId: string) => `${date}|${eventId}`;

/**
 * Recounts from the source (the bookings domain's totals, and the payments domain's refunds of
 * sales) and lists every number analytics disagrees on: per-event totals with gross, refunds and
 * net, and per-day activity over the last `days` UTC days. Facts
 * still in flight show up as drift too, so callers confirm a suspect after a pause.
 */
export async function findAnalyticsDrift({ ctx, input }: { ctx: Ctx; input: z.input<typeof findAnalyticsDriftInput> }): Promise<DriftReport> {
  authorize(ctx.actor, "analytics:system");
  const { eventIds, days } = findAnalyticsDriftInput.parse(input);
  const to = todayUtc(ctx.now());
  const from = addDays(to, -(days - 1));
  const only = eventIds ? new Set(eventIds) : null;
  const keep = (eventId: string) => !only || only.has(eventId);

  const [sourceTotals, statsRows, sourceDaily, dailyRows, refunds] = await Promise.all([
    bookingTotals({ ctx, input: { eventIds } }),
    ctx.db.select().from(eventStats).where(eventIds ? inArray(eventStats.eventId, eventIds) : undefined),
    dailyBookingTotals({ ctx, input: { from, to } }),
    ctx.db
      .select()
      .from(dailyStats)
      .where(and(between(dailyStats.date, from, to), eventIds ? inArray(dailyStats.eventId, eventIds) : undefined)),
    saleRefunds(ctx),
  ]);

  const totals = compare(
    TOTALS,
    new Map(
      sourceTotals.map((t) => {
        const refundsCents = refunds.perEvent.get(t.eventId) ?? 0;
        return [t.eventId, { ...t, refundsCents, revenueCents: t.grossCents - refundsCents }];
      }),
    ),
    new Map(statsRows.map((s) => [s.eventId, s])),
    (key) => key,
    (_key, field) => field,
  );
  // A day on which only money went back has a refund but no booking activity.
  const expectedDaily = new Map(sourceDaily.filter((d) => keep(d.eventId)).map((d) => [dayKey(d.date, d.eventId), { ...d, refundsCents: 0 }]));
  for (const [key, refundsCents] of refunds.perDay) {
    const [date, eventId] = key.split("|") as [string, string];
    if (date < from || date > to || !keep(eventId)) continue;
    const none = { bookings: 0, seatsSold: 0, revenueCents: 0, cancellations: 0, seatsCancelled: 0, revenueCancelledCents: 0 };
    expectedDaily.set(key, { ...(expectedDaily.get(key) ?? { ...none, date, eventId }), refundsCents });
  }
  const daily = compare(
    DAILY,
    expectedDaily,
    new Map(dailyRows.map((d) => [dayKey(d.date, d.eventId), d])),
    (key) => key.split("|")[1]!,
    (key, field) => `${key.split("|")[0]}.${field}`,
  );
  const details = [...totals, ...daily];
  const eventsChecked = new Set([...sourceTotals.map((t) => t.eventId), ...statsRows.map((s) => s.eventId)]).size;
  const driftEventIds = [...new Set(details.map((d) => d.eventId))];
  return { eventsChecked, driftEvents: driftEventIds.length, driftEventIds, details: details.slice(0, MAX_DETAILS) };
}
