import { TZDate } from "@date-fns/tz";
import type { Event } from "@/lib/domain/events";
import { currencyDigits, toMajorUnits } from "@/lib/format/money";

/** An instant as the event's wall clock with its offset, as schema.org examples and search engines prefer. */
const zoned = (at: Date, timeZone: string) => new TZDate(at.getTime(), timeZone).toISOString();

/** The schema.org `Event` search engines read for rich results (https://schema.org/Event). */
export function eventJsonLd(event: Event, pageUrl: string, summary: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: summary,
    url: pageUrl,
    startDate: zoned(event.startsAt, event.timezone),
    endDate: zoned(event.endsAt, event.timezone),
    eventStatus: event.status === "cancelled" ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: event.venue, address: event.venue },
    offers: {
      "@type": "Offer",
      url: pageUrl,
      price: toMajorUnits(event.priceCents, event.currency).toFixed(currencyDigits(event.currency)),
      priceCurrency: event.currency,
      availability: event.seatsAvailable > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
    },
  };
}

/**
 * JSON for a <script type="application/ld+json">: "<" escaped so organizer text such as
 * "</script>" cannot close the element (the one way JSON inside HTML turns into markup).
 */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
