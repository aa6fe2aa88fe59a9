import { formatMinorUnits, toMajorUnits } from "@/lib/format/money";

/**
 * Number formatting for dashboards, shared by server pages and client charts: money in the
 * event's currency, counts and shares in the viewer's locale. Pure Intl, so both sides agree.
 */

/** An unknown currency code or locale falls back to plain digits rather than failing a page. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  try {
    return formatMinorUnits(cents, currency, locale);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

/** Short money for chart axes: €12K rather than €12,345.00. */
export function formatMoneyCompact(cents: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(toMajorUnits(cents, currency));
  } catch {
    return `${Math.round(cents / 100)} ${currency}`;
  }
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share);
}

/** A UTC calendar day (YYYY-MM-DD) as the viewer writes dates, without shifting it into their zone. */
export function formatDay(date: string, locale: string, style: "short" | "long" = "short"): string {
  const options: Intl.DateTimeFormatOptions =
    style === "short" ? { month: "short", day: "numeric", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${date}T00:00:00Z`));
}

/** An instant in UTC, labelled so (dateStyle cannot be combined with timeZoneName). */
export function formatDateTime(iso: string | Date, locale: string): string {
  return `${new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`;
}
