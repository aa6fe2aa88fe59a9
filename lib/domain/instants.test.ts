import { describe, expect, it } from "vitest";
import { boundedDay, boundedDayOrInstant, boundedInstant, INSTANT_OUT_OF_RANGE } from "./instants";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("bounded instants (1970 to 9999 UTC, after the offset)", () => {
  it.each(["0000-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59-12:00", "1970-01-01T00:30:00+01:00"])("refuses %s as out of range", (value) => {
    expect(messages(boundedInstant().safeParse(value))).toEqual([INSTANT_OUT_OF_RANGE]);
  });

  it.each(["1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59+12:00", "2026-06-01T19:00:00+02:00"])("accepts %s, keeping the string as sent", (value) => {
    expect(boundedInstant().parse(value)).toBe(value);
  });

  it("says what is wrong with a malformed time once", () => {
    expect(messages(boundedInstant().safeParse("tomorrow"))).toHaveLength(1);
  });

  it("bounds days too, and tells an impossible day from an out-of-range one", () => {
    expect(boundedDay().parse("9999-12-31")).toBe("9999-12-31");
    expect(boundedDay().parse("1970-01-01")).toBe("1970-01-01");
    expect(messages(boundedDay().safeParse("0000-01-01"))).toEqual([INSTANT_OUT_OF_RANGE]);
    expect(messages(boundedDay().safeParse("0099-06-01"))).toEqual([INSTANT_OUT_OF_RANGE]);
    expect(messages(boundedDay().safeParse("2025-02-29"))).toEqual(["is not a calendar date"]);
    expect(boundedDay().safeParse("2024-02-29").success).toBe(true);
  });

  it("takes a day or an instant for list filters, both bounded", () => {
    expect(boundedDayOrInstant().parse("9999-12-31")).toBe("9999-12-31");
    expect(messages(boundedDayOrInstant().safeParse("0000-01-01"))).toEqual([INSTANT_OUT_OF_RANGE]);
    expect(messages(boundedDayOrInstant().safeParse("10000-01-01"))).toHaveLength(1);
  });
});
