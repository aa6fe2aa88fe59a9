import { fillPlaceholders, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/lib/db/client";
import { isTransaction } from "@/lib/db/transaction";

const dialect = new PgDialect();

export type PreparedStatement<T> = (db: DbOrTx, values: Record<string, unknown>) => Promise<T[]>;

/**
 * A hot statement built and compiled once (its values are `sql.placeholder`s), then run as a
 * named prepared statement on the pool's connections: neither drizzle nor Postgres rebuilds or
 * re-plans it per request. Inside a caller's transaction it runs through drizzle as usual.
 */
export function prepareStatement<T extends Record<string, unknown>>(query: SQL): PreparedStatement<T> {
  const compiled = dialect.sqlToQuery(query);
  return async (db, values) => {
    const params = fillPlaceholders(compiled.params, values);
    if (!isTransaction(db)) return (await db.$client.unsafe(compiled.sql, params as never[], { prepare: true })) as unknown as T[];
    const chunks = compiled.sql.split(/\$(\d+)/);
    const inline = chunks.map((chunk, i) => (i % 2 === 0 ? sql.raw(chunk) : sql.param(params[Number(chunk) - 1])));
    return (await db.execute<T>(sql.join(inline))) as unknown as T[];
  };
}
