import { describe, expect, it } from "vitest";
import { currencyDigits, formatMinorUnits, toMajorUnits } from "./money";

describe("money from minor units", () => {
  it("takes each currency's decimals from Intl", () => {
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("KWD")).toBe(3);
    expect(toMajorUnits(12_345, "KWD")).toBe(12.345);
  });

  it("writes the amount as the locale writes money", () => {
    expect(formatMinorUnits(12_500, "EUR", "en-US")).toBe("€125.00");
    expect(formatMinorUnits(12_500, "EUR", "de-DE")).toBe("125,00\u00a0€");
    expect(formatMinorUnits(3_500, "JPY", "en-US")).toBe("¥3,500");
  });

  it("refuses a malformed currency code", () => {
    expect(() => currencyDigits("EURO")).toThrow(RangeError);
  });
});
