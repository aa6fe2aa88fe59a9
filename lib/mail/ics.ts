import { createEvent } from "ics";
import { formatEventTime, timeZoneLabel } from "@/lib/format/event-time";
import type { StoredAttachment } from "./schema";

export type CalendarEntry = {
  /** Stable per thing the entry stands for, so re-imports update one calendar entry. */
  uid: string;
  title: string;
  venue: string;
  /** ISO 8601 instants. */
  startsAt: string;
  endsAt: string;
  /** The event's IANA zone; absent means UTC (messages queued before events had one). */
  timezone?: string;
  description: string;
  url?: string;
};

export type BookingCalendarEntry = Omit<CalendarEntry, "uid"> & { bookingId: string };

/**
 * An iCalendar (RFC 5545) document for one event. Times are written in UTC, which every
 * calendar app converts to its owner's zone exactly (the `ics` package writes no VTIMEZONE, and
 * a TZID without one is not portable); the description names the event's own zone and local
 * time, so a traveller sees both.
 */
export function eventCalendar(entry: CalendarEntry): string {
  const start = Date.parse(entry.startsAt);
  if (Number.isNaN(start)) throw new Error(`Cannot build calendar entry ${entry.uid}: no start time`);
  const zone = entry.timezone ?? "UTC";
  const local = `${formatEventTime(new Date(start), zone, { locale: "en-GB", style: "long" })} (${timeZoneLabel(zone)} time)`;
  const { error, value } = createEvent({
    uid: entry.uid,
    productId: "-//Evently//Events//EN",
    method: "PUBLISH",
    title: entry.title,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(entry.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    location: entry.venue,
    description: `Starts ${local}.\n${entry.description}`.trimEnd(),
    ...(entry.url ? { url: entry.url } : {}),
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw new Error(`Cannot build calendar entry ${entry.uid}`, { cause: error });
  return value;
}

/** One booking's entry. The UID depends only on the booking, so a resent email or a waitlist promotion updates one entry. */
export function bookingCalendar({ bookingId, ...entry }: BookingCalendarEntry): string {
  return eventCalendar({ ...entry, uid: `booking-${bookingId}@evently` });
}

export function bookingCalendarAttachment(entry: BookingCalendarEntry): StoredAttachment {
  return {
    filename: "event.ics",
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: bookingCalendar(entry),
  };
}
