/** Display formatting shared by every email. Emails go to anyone, so one fixed locale and UTC. */

const locale = "en-US";

/**
 * Formats integer minor units (cents, yen, fils) in an ISO 4217 currency. The exponent comes from
 * Intl itself, so JPY (0 decimals) and KWD (3) are right without a table of our own.
 */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** exponent);
}

const eventTime = new Intl.DateTimeFormat(locale, {
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** Events carry no time zone of their own, so times are shown in UTC and say so: "… at 19:00 UTC". */
export function formatEventTime(instant: string | Date): string {
  return eventTime.format(new Date(instant));
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
