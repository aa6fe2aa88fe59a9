import { fractionDigits } from "./event-form-values";

/** A price typed in major units ("25.00", "25" for a currency without decimals) in minor units, or undefined if it is not one. */
export function parsePriceInput(price: string, currency: string): number | undefined {
  const digits = fractionDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(price)) return undefined;
  const [whole = "0", fraction = ""] = price.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** What a price field shows for an amount in minor units. */
export function formatPriceInput(minorUnits: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (minorUnits / 10 ** digits).toFixed(digits);
}

/** The example a price error gives, in the currency's own shape. */
export function priceExample(currency: string): string {
  return fractionDigits(currency) === 0 ? "25" : "25.00";
}
