import { TZDateMini } from "@date-fns/tz";

/**
 * Events happen in an IANA time zone ("Europe/Lisbon"); instants are stored in UTC. This is the
 * one rule for which zones are accepted and for turning the wall-clock time an organizer types
 * into an instant and back. Plain Intl data, so server, browser and emails agree.
 */
export const DEFAULT_TIME_ZONE = "UTC";

// Intl lists canonical zones only ("UTC" and renamed zones such as Europe/Kyiv are missing on
// some runtimes), so the list is what the picker offers and the check below is what we accept.
export const TIME_ZONES: readonly string[] = [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== DEFAULT_TIME_ZONE)];

// Region/City names only: Intl also accepts offsets ("+01:00") and abbreviations, which are not zones.
const IANA_NAME = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

export function isTimeZone(value: string): boolean {
  if (!IANA_NAME.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-03-29T01:30" read in `timeZone` as an instant, or null if it is not a date-time. A time
 * that does not exist (skipped by a DST change) moves forward by the gap, as calendar apps do;
 * an ambiguous one (repeated) is the first of the two.
 */
export function zonedLocalToInstant(local: string, timeZone: string): Date | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const at = new TZDateMini(year, month - 1, day, hour, minute, timeZone);
  if (Number.isNaN(at.getTime()) || at.getFullYear() !== year || at.getMonth() !== month - 1 || at.getDate() !== day) return null;
  return new Date(at.getTime());
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The instant as the wall-clock "YYYY-MM-DDTHH:mm" of `timeZone`, the value a datetime-local input takes. */
export function instantToZonedLocal(at: Date, timeZone: string): string {
  const local = new TZDateMini(at.getTime(), timeZone);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}
