import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatDay, formatMoney, formatMoneyCompact, formatPercent } from "./format";

describe("dashboard number formats", () => {
  it("formats money in the event's currency and minor units, in the viewer's locale", () => {
    expect(formatMoney(12_500, "EUR", "en-US")).toBe("€125.00");
    expect(formatMoney(12_500, "EUR", "de-DE")).toBe("125,00\u00a0€");
    expect(formatMoney(3_500, "JPY", "en-US")).toBe("¥3,500");
    expect(formatMoneyCompact(1_234_500, "USD", "en-US")).toBe("$12.3K");
    expect(formatMoneyCompact(12_000, "JPY", "en-US")).toBe("¥12K");
  });

  it("formats counts, shares, UTC days and instants", () => {
    expect(formatCount(1234567, "fr-FR")).toBe("1\u202f234\u202f567");
    expect(formatPercent(0.075, "en-US")).toBe("7.5%");
    expect(formatDay("2026-03-01", "en-US")).toBe("Mar 1");
    expect(formatDateTime("2026-03-01T23:30:00Z", "en-GB")).toBe("1 Mar 2026, 23:30 UTC");
  });
});
