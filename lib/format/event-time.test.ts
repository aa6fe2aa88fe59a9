import { describe, expect, it } from "vitest";
import { formatEventTime } from "./event-time";
import { instantToZonedLocal, isTimeZone, TIME_ZONES, zonedLocalToInstant } from "./time-zone";

describe("formatEventTime", () => {
  it("shows Lisbon, London and New York wall clocks on both sides of their DST changes", () => {
    const winter = new Date("2026-01-15T19:00:00Z");
    const summer = new Date("2026-07-15T19:00:00Z");
    expect(formatEventTime(winter, "Europe/Lisbon")).toBe("Thu, 15 Jan 2026, 19:00 WET");
    expect(formatEventTime(summer, "Europe/Lisbon")).toBe("Wed, 15 Jul 2026, 20:00 WEST");
    expect(formatEventTime(winter, "Europe/London")).toBe("Thu, 15 Jan 2026, 19:00 GMT");
    expect(formatEventTime(summer, "Europe/London")).toBe("Wed, 15 Jul 2026, 20:00 BST");
    expect(formatEventTime(winter, "America/New_York")).toBe("Thu, 15 Jan 2026, 14:00 GMT-5");
    expect(formatEventTime(summer, "America/New_York")).toBe("Wed, 15 Jul 2026, 15:00 GMT-4");
  });

  it("tells the two instants apart in the week Europe has changed its clocks and New York has not", () => {
    // 2026-03-29 Europe springs forward; New York already did on 2026-03-08.
    expect(formatEventTime(new Date("2026-03-28T23:30:00Z"), "Europe/London")).toBe("Sat, 28 Mar 2026, 23:30 GMT");
    expect(formatEventTime(new Date("2026-03-29T23:30:00Z"), "Europe/London")).toBe("Mon, 30 Mar 2026, 00:30 BST");
    expect(formatEventTime(new Date("2026-03-29T23:30:00Z"), "America/New_York")).toBe("Sun, 29 Mar 2026, 19:30 GMT-4");
  });
});

describe("time zones", () => {
  it("accepts IANA names, renamed ones and UTC, and refuses offsets, abbreviations and made-up zones", () => {
    for (const zone of ["UTC", "Europe/Lisbon", "America/New_York", "America/Argentina/Buenos_Aires", "Europe/Kiev"]) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["", "+01:00", "EST", "Mars/Olympus_Mons", "Europe/Lisbon ", "../etc"]) expect(isTimeZone(zone), zone).toBe(false);
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(TIME_ZONES).toContain("Europe/Lisbon");
  });

  it("round-trips wall-clock times through UTC across DST in Lisbon, London and New York", () => {
    const cases: [string, string, string][] = [
      ["2026-01-15T19:00", "Europe/Lisbon", "2026-01-15T19:00:00.000Z"],
      ["2026-07-15T19:00", "Europe/Lisbon", "2026-07-15T18:00:00.000Z"],
      ["2026-10-25T00:30", "Europe/London", "2026-10-24T23:30:00.000Z"],
      ["2026-10-25T02:30", "Europe/London", "2026-10-25T02:30:00.000Z"],
      ["2026-03-08T03:30", "America/New_York", "2026-03-08T07:30:00.000Z"],
      ["2026-11-01T12:00", "America/New_York", "2026-11-01T17:00:00.000Z"],
    ];
    for (const [local, zone, utc] of cases) {
      const at = zonedLocalToInstant(local, zone);
      expect(at?.toISOString(), `${local} ${zone}`).toBe(utc);
      expect(instantToZonedLocal(at!, zone)).toBe(local);
    }
  });

  it("moves a time skipped by the spring change forward and refuses what is not a date-time", () => {
    // 02:30 does not exist in New York on 2026-03-08: clocks jump from 02:00 to 03:00.
    expect(zonedLocalToInstant("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(zonedLocalToInstant("2026-02-30T10:00", "Europe/Lisbon")).toBeNull();
    expect(zonedLocalToInstant("tomorrow", "Europe/Lisbon")).toBeNull();
  });
});
