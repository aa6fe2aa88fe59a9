const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are opaque strings to clients; anything that is not a uuid cannot name a row. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
