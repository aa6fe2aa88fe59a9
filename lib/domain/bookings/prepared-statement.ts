import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/lib/db/client";
import { isTransaction } from "@/lib/db/transaction";

const dialect = new PgDialect();

/**
 * Runs a hot statement as a named prepared statement on the pool's connection (postgres.js
 * caches it per connection by text), so Postgres parses and plans the booking CTE once per
 * connection instead of on every request. Inside a transaction it runs as usual.
 */
export async function executePrepared<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (isTransaction(db)) return (await db.execute<T>(query)) as unknown as T[];
  const { sql, params } = dialect.sqlToQuery(query);
  return (await db.$client.unsafe(sql, params as never[], { prepare: true })) as unknown as T[];
}
