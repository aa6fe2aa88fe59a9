import { describe, expect, it } from "vitest";
import { rollUp, type DailyRow } from "./roll-up";
import { isBoundedDay as isUtcDate } from "@/lib/domain/instants";
import { isoWeekStart } from "./utc-dates";

const day = (date: string, seatsSold: number): DailyRow => ({
  date,
  bookings: 1,
  seatsSold,
  cancellations: 0,
  revenueCents: seatsSold * 100,
  seatsCancelled: 0,
  revenueCancelledCents: 0,
  refundsCents: 0,
});

describe("rollUp", () => {
  it("returns a dense day series with zeros on quiet days", () => {
    const series = rollUp([day("2026-03-02", 4)], "2026-03-01", "2026-03-03", "day");
    expect(series.map((p) => [p.date, p.seatsSold])).toEqual([
      ["2026-03-01", 0],
      ["2026-03-02", 4],
      ["2026-03-03", 0],
    ]);
  });

  it("sums ISO weeks starting on Monday, labelled by that Monday, across a year boundary", () => {
    // 2025-12-29 is a Monday; its ISO week holds 2026-01-01 (Thursday) through 2026-01-04 (Sunday).
    const rows = [day("2025-12-28", 1), day("2025-12-29", 2), day("2026-01-04", 3), day("2026-01-05", 4)];
    const series = rollUp(rows, "2025-12-28", "2026-01-05", "week");
    expect(series.map((p) => [p.date, p.seatsSold, p.bookings])).toEqual([
      ["2025-12-22", 1, 1],
      ["2025-12-29", 5, 2],
      ["2026-01-05", 4, 1],
    ]);
  });

  it("sums calendar months, counting only days inside the range, through a leap day", () => {
    const rows = [day("2024-01-31", 1), day("2024-02-01", 2), day("2024-02-29", 3), day("2024-03-01", 4), day("2024-03-02", 99)];
    const series = rollUp(rows, "2024-01-31", "2024-03-01", "month");
    expect(series.map((p) => [p.date, p.seatsSold, p.revenueCents])).toEqual([
      ["2024-01-01", 1, 100],
      ["2024-02-01", 5, 500],
      ["2024-03-01", 4, 400],
    ]);
  });

  it("keeps the totals of the day series in every roll-up", () => {
    const rows = Array.from({ length: 90 }, (_, i) => day(new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), (i % 7) + 1));
    const sum = (s: DailyRow[]) => s.reduce((n, p) => n + p.seatsSold, 0);
    const days = rollUp(rows, "2026-01-01", "2026-03-31", "day");
    expect(sum(rollUp(rows, "2026-01-01", "2026-03-31", "week"))).toBe(sum(days));
    expect(sum(rollUp(rows, "2026-01-01", "2026-03-31", "month"))).toBe(sum(days));
  });
});

describe("UTC dates", () => {
  it("accepts real calendar dates only", () => {
    expect(isUtcDate("2024-02-29")).toBe(true);
    expect(isUtcDate("2025-02-29")).toBe(false);
    expect(isUtcDate("2025-1-01")).toBe(false);
  });

  it("finds the Monday of a Sunday's ISO week", () => {
    expect(isoWeekStart("2026-03-08")).toBe("2026-03-02");
    expect(isoWeekStart("2026-03-02")).toBe("2026-03-02");
  });
});
