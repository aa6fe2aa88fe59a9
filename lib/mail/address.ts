/** Addresses are case-insensitive everywhere in Evently, so mail is stored and searched by one spelling. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}
