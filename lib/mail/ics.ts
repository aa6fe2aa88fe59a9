import { createEvent } from "ics";
import type { StoredAttachment } from "./schema";

export type BookingCalendarEntry = {
  bookingId: string;
  title: string;
  venue: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  description: string;
  url?: string;
};

/**
 * An iCalendar (RFC 5545) document for one booking. The UID depends only on the booking, so a
 * calendar that imports the file twice (a resent email, a waitlist promotion) updates one entry.
 */
export function bookingCalendar(entry: BookingCalendarEntry): string {
  const { error, value } = createEvent({
    uid: `booking-${entry.bookingId}@evently`,
    productId: "-//Evently//Bookings//EN",
    method: "PUBLISH",
    title: entry.title,
    start: Date.parse(entry.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(entry.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: entry.venue,
    description: entry.description,
    ...(entry.url ? { url: entry.url } : {}),
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw new Error(`Cannot build calendar entry for booking ${entry.bookingId}`, { cause: error });
  return value;
}

export function bookingCalendarAttachment(entry: BookingCalendarEntry): StoredAttachment {
  return {
    filename: "event.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: bookingCalendar(entry),
  };
}
