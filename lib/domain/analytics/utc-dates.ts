/**
 * Calendar arithmetic on UTC dates written as YYYY-MM-DD. Analytics buckets are UTC days, so
 * nothing here may touch the server's time zone.
 */
const DAY_MS = 86_400_000;

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function todayUtc(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included (1 when they are equal). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS) + 1;
}

export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: Math.max(0, daysInclusive(from, to)) }, (_, i) => addDays(from, i));
}

/** The Monday that starts the ISO week holding `date`. */
export function isoWeekStart(date: string): string {
  const weekday = new Date(toMs(date)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}
