/**
 * How an event's times read everywhere (pages, emails, CSV, calendar text): the event's own
 * wall clock with the zone's short name, "Sat, 14 Mar 2026, 19:00 GMT". One formatter per
 * (locale, zone), since building Intl formatters is the expensive part.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, locale: string, style: "short" | "long"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      weekday: style,
      day: "numeric",
      month: style,
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
      timeZoneName: "short",
    });
    formatters.set(key, found);
  }
  return found;
}

export function formatEventTime(at: Date, timeZone: string, { locale = "en-GB", style = "short" }: { locale?: string; style?: "short" | "long" } = {}): string {
  return formatter(timeZone, locale, style).format(at);
}

/** A zone as people read it: its IANA name with spaces, "America/New York". */
export function timeZoneLabel(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}
