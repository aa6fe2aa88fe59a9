import { z } from "zod";

/**
 * The one rule for times anyone sends us (API.md, Conventions): every instant lies between
 * 1970 and the end of year 9999 UTC once its offset is applied; anything else is a 422. Postgres
 * and JavaScript disagree past these ends (year 0 does not exist in one, year 10000 prints as
 * `+010000-…` in the other), which used to surface as 500s.
 */
export const EARLIEST_INSTANT = new Date("1970-01-01T00:00:00.000Z");
export const LATEST_INSTANT = new Date("9999-12-31T23:59:59.999Z");

export const INSTANT_OUT_OF_RANGE = "must lie between 1970-01-01 and 9999-12-31 (UTC)";

export function isWithinBounds(at: Date): boolean {
  const ms = at.getTime();
  return ms >= EARLIEST_INSTANT.getTime() && ms <= LATEST_INSTANT.getTime();
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a real calendar day (2026-02-30 is not one), or null. */
function startOfDay(value: string): Date | null {
  const m = ISO_DAY.exec(value);
  if (!m) return null;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const d = new Date(0);
  d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? d : null;
}

/** A real calendar day within the bounds. */
export function isBoundedDay(value: string): boolean {
  const day = startOfDay(value);
  return day !== null && isWithinBounds(day);
}

/** An ISO 8601 date-time with a zone, within the bounds; kept as the string sent, so it parses twice unchanged. */
export function boundedInstant(message = "must be an ISO 8601 date-time with a time zone, e.g. 2026-06-01T19:00:00Z") {
  return z.iso.datetime({ offset: true, error: message, abort: true }).refine((value) => isWithinBounds(new Date(value)), INSTANT_OUT_OF_RANGE);
}

/** A UTC calendar day, YYYY-MM-DD, within the bounds. */
export function boundedDay(message = "must be a UTC calendar date, YYYY-MM-DD") {
  return z
    .string()
    .regex(ISO_DAY, { error: message, abort: true })
    .refine((value) => startOfDay(value) !== null, { error: "is not a calendar date", abort: true })
    .refine(isBoundedDay, INSTANT_OUT_OF_RANGE);
}

/** A day (2026-06-01) or an instant with a zone, either within the bounds. */
export function boundedDayOrInstant(message = "must be a date (2026-06-01) or an ISO 8601 date-time with a time zone") {
  return z.union([z.iso.date(), z.iso.datetime({ offset: true })], { error: message }).refine(
    (value) => (value.includes("T") ? isWithinBounds(new Date(value)) : isBoundedDay(value)),
    INSTANT_OUT_OF_RANGE,
  );
}
