/**
 * Money is stored as integer minor units (cents, yen, fils) of an ISO 4217 currency. Pages,
 * charts and emails all turn it back into major units the same way: the exponent comes from
 * Intl itself, so JPY (0 decimals) and KWD (3) are right without a table of our own.
 */

/** Digits after the decimal point of `currency`: 2 for EUR, 0 for JPY, 3 for KWD. Throws a RangeError for a malformed code (not three letters). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** `minorUnits` as major units of `currency`, for formatting or form fields. */
export function toMajorUnits(minorUnits: number, currency: string): number {
  return minorUnits / 10 ** currencyDigits(currency);
}

/** Integer minor units written out in `currency` as `locale` writes money: 12500 EUR → "€125.00" (en-US). */
export function formatMinorUnits(minorUnits: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(toMajorUnits(minorUnits, currency));
}
