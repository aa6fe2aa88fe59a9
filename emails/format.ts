import { formatMinorUnits } from "@/lib/format/money";

/** Display formatting shared by every email. Emails go to anyone, so one fixed locale and UTC. */

const locale = "en-US";

/** Integer minor units (cents, yen, fils) in an ISO 4217 currency, in the emails' locale. */
export function formatMoney(minorUnits: number, currency: string): string {
  return formatMinorUnits(minorUnits, currency, locale);
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
