import { describe, expect, it } from "vitest";
import { bookingCalendar, bookingCalendarAttachment } from "./ics";

const entry = {
  bookingId: "7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
  title: "Jazz on the Roof",
  venue: "Skyline Terrace, 12 Harbour St, Lisbon",
  startsAt: "2026-03-14T19:00:00.000Z",
  endsAt: "2026-03-14T22:30:00.000Z",
  description: "2 tickets. Ticket codes: TKT-1, TKT-2.",
  url: "http://localhost:3000/bookings/7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11",
};

/** RFC 5545 folds long lines with CRLF + one space or tab; unfold before looking at content. */
function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, "");
}

describe("bookingCalendar", () => {
  it("describes the event with UTC start and end, venue and summary", () => {
    const ics = unfold(bookingCalendar(entry));
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("METHOD:PUBLISH");
    expect(ics).toContain("SUMMARY:Jazz on the Roof\r\n");
    expect(ics).toContain("DTSTART:20260314T190000Z\r\n");
    expect(ics).toContain("DTEND:20260314T223000Z\r\n");
    expect(ics).toContain("LOCATION:Skyline Terrace\\, 12 Harbour St\\, Lisbon\r\n");
    expect(ics).toContain("2 tickets. Ticket codes: TKT-1\\, TKT-2.");
  });

  it("derives a UID from the booking alone, so re-imports update one calendar entry", () => {
    const first = unfold(bookingCalendar(entry));
    const again = unfold(bookingCalendar({ ...entry, title: "Jazz on the Roof (moved)" }));
    const uid = "UID:booking-7d0c4c1e-2f61-4c43-9a57-2a4f4f0e9b11@evently\r\n";
    expect(first).toContain(uid);
    expect(again).toContain(uid);
  });

  it("converts an offset start time to UTC", () => {
    const ics = bookingCalendar({ ...entry, startsAt: "2026-03-14T20:00:00+01:00" });
    expect(ics).toContain("DTSTART:20260314T190000Z");
  });

  it("rejects an entry that cannot be a calendar event", () => {
    expect(() => bookingCalendar({ ...entry, startsAt: "not a date" })).toThrow(/booking-7d0c4c1e/);
  });

  it("is attached as event.ics with a text/calendar type", () => {
    const attachment = bookingCalendarAttachment(entry);
    expect(attachment.filename).toBe("event.ics");
    expect(attachment.contentType).toMatch(/^text\/calendar;/);
    expect(attachment.content).toContain("BEGIN:VEVENT");
  });

  it("keeps exact UTC instants and names the event's zone and local time, across DST, for New York and Lisbon", () => {
    const winter = unfold(bookingCalendar({ ...entry, startsAt: "2026-01-16T00:00:00.000Z", endsAt: "2026-01-16T03:00:00.000Z", timezone: "America/New_York" }));
    expect(winter).toContain("DTSTART:20260116T000000Z\r\n");
    expect(winter).toContain("DESCRIPTION:Starts Thursday\\, 15 January 2026 at 19:00 GMT-5 (America/New York time).\\n2 tickets.");
    const summer = unfold(bookingCalendar({ ...entry, startsAt: "2026-07-15T18:00:00.000Z", endsAt: "2026-07-15T21:00:00.000Z", timezone: "Europe/Lisbon" }));
    expect(summer).toContain("DTSTART:20260715T180000Z\r\n");
    expect(summer).toContain("Starts Wednesday\\, 15 July 2026 at 19:00 WEST (Europe/Lisbon time)");
    expect(unfold(bookingCalendar(entry))).toContain("Starts Saturday\\, 14 March 2026 at 19:00 UTC (UTC time)");
  });
});
