/**
 * Whether an error means "the database could not be reached or dropped the connection", as
 * opposed to a query that is wrong: the first is worth a retry (503), the second is a bug (500).
 * drizzle wraps the driver's error, so the whole cause chain is searched.
 */

/** postgres.js's own connection error codes. */
const DRIVER_CODES = new Set(["CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

/** SQLSTATE: class 08 (connection exception), 57P01–57P03 (terminated, shutting down, cannot connect now). */
function isUnavailableSqlState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (DRIVER_CODES.has(code) || isUnavailableSqlState(code))) return true;
  }
  return false;
}
