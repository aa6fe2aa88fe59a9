import { describe, expect, it } from "vitest";
import { utcStamp } from "./utc-stamp";

describe("utcStamp", () => {
  it("writes the instant in UTC, to the second or the minute", () => {
    const at = new Date("2026-03-01T19:05:09.123+02:00");
    expect(utcStamp(at)).toBe("2026-03-01 17:05:09");
    expect(utcStamp(at, "minute")).toBe("2026-03-01 17:05");
  });
});
