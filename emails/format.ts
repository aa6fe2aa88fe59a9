import { formatEventTime as formatInZone } from "@/lib/format/event-time";
import { formatMinorUnits } from "@/lib/format/money";

/** Display formatting shared by every email. Emails go to anyone, so one fixed locale; times in the event's zone. */

const locale = "en-US";

/** Integer minor units (cents, yen, fils) in an ISO 4217 currency, in the emails' locale. */
export function formatMoney(minorUnits: number, currency: string): string {
  return formatMinorUnits(minorUnits, currency, locale);
}

/**
 * The event's wall clock with its zone named, as attendees will live it: "… at 19:00 EDT".
 * Messages queued before events had a zone carry none and were about UTC times.
 */
export function formatEventTime(instant: string | Date, timeZone = "UTC"): string {
  return formatInZone(new Date(instant), timeZone, { locale, style: "long" });
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
