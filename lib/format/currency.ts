/**
 * The currencies an event may be priced in: every ISO 4217 code the runtime's Intl knows, so the
 * form's list and the API's check cannot disagree. USD is what a first event starts in.
 */
export const DEFAULT_CURRENCY = "USD";

export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

const names = new Intl.DisplayNames("en", { type: "currency" });

/** Codes with their English names, "EUR — Euro", sorted by code for the form's select. */
export const CURRENCIES: readonly { code: string; name: string }[] = [...CURRENCY_CODES].map((code) => ({ code, name: names.of(code) ?? code }));
