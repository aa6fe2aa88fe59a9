import { eachDay, isoWeekStart, monthStart } from "./utc-dates";

export const buckets = ["day", "week", "month"] as const;
export type Bucket = (typeof buckets)[number];

export type DailyTotals = {
  bookings: number;
  seatsSold: number;
  cancellations: number;
  revenueCents: number;
  seatsCancelled: number;
  revenueCancelledCents: number;
  refundsCents: number;
};
export type DailyRow = { date: string } & DailyTotals;

const ZERO: DailyTotals = { bookings: 0, seatsSold: 0, cancellations: 0, revenueCents: 0, seatsCancelled: 0, revenueCancelledCents: 0, refundsCents: 0 };

function add(a: DailyTotals, b: DailyTotals): DailyTotals {
  return {
    bookings: a.bookings + b.bookings,
    seatsSold: a.seatsSold + b.seatsSold,
    cancellations: a.cancellations + b.cancellations,
    revenueCents: a.revenueCents + b.revenueCents,
    seatsCancelled: a.seatsCancelled + b.seatsCancelled,
    revenueCancelledCents: a.revenueCancelledCents + b.revenueCancelledCents,
    refundsCents: a.refundsCents + b.refundsCents,
  };
}

const bucketStart: Record<Bucket, (date: string) => string> = {
  day: (d) => d,
  week: isoWeekStart,
  month: monthStart,
};

/**
 * A dense series for a chart: one point per bucket touching [from, to], zeros where nothing
 * happened. A bucket is labelled with its start (the day, the ISO week's Monday, the month's
 * 1st) and sums only the days inside the range, so edge buckets may be partial.
 */
export function rollUp(rows: DailyRow[], from: string, to: string, bucket: Bucket): DailyRow[] {
  // Several rows may share a day (one per currency): they add up.
  const byDate = new Map<string, DailyTotals>();
  for (const r of rows) byDate.set(r.date, add(byDate.get(r.date) ?? ZERO, r));
  const series = new Map<string, DailyTotals>();
  for (const day of eachDay(from, to)) {
    const key = bucketStart[bucket](day);
    const row = byDate.get(day);
    series.set(key, add(series.get(key) ?? ZERO, row ?? ZERO));
  }
  return [...series].map(([date, totals]) => ({ date, ...totals }));
}
