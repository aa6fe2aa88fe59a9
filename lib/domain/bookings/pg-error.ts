/** A Postgres error as postgres.js reports it, found through drizzle's DrizzleQueryError wrapper. */
export type PgError = { code: string; constraint_name?: string };

export function pgErrorOf(error: unknown): PgError | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return e as PgError;
  }
  return null;
}

export function violates(error: unknown, constraint: string): boolean {
  const pg = pgErrorOf(error);
  return (pg?.code === "23505" || pg?.code === "23514") && pg.constraint_name === constraint;
}

/** Serialization failures and deadlocks: the same work succeeds when simply tried again. */
export function isTransient(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return code === "40001" || code === "40P01";
}
