import { formatMinorUnits } from "@/lib/format/money";

/** How events read on every page: money from minor units, times in UTC (the browser adds local time). */

export function formatPrice(priceCents: number, currency: string, locale = "en"): string {
  if (priceCents === 0) return "Free";
  return formatMinorUnits(priceCents, currency, locale);
}

const UTC_FORMAT = new Intl.DateTimeFormat("en", {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatUtc(at: Date): string {
  return `${UTC_FORMAT.format(at)} UTC`;
}

export function seatsLabel(seatsAvailable: number): string {
  if (seatsAvailable <= 0) return "Sold out";
  return seatsAvailable === 1 ? "1 seat left" : `${seatsAvailable.toLocaleString("en")} seats left`;
}

/** What tickets cost: one price ("€25.00", "Free"), or the range across ticket types ("Free – €90.00"). */
export function priceRangeLabel(pricesCents: number[], currency: string): string {
  if (pricesCents.length === 0) return "";
  const low = Math.min(...pricesCents);
  const high = Math.max(...pricesCents);
  return low === high ? formatPrice(low, currency) : `${formatPrice(low, currency)} – ${formatPrice(high, currency)}`;
}
