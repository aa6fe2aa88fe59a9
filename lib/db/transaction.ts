import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "./client";

export function isTransaction(db: DbOrTx): db is Tx {
  return db instanceof PgTransaction;
}

/**
 * Runs `fn` in a transaction, joining the caller's when `ctx.db` already is one, so use cases
 * compose inside a single commit (an event edit and the capacity change it implies).
 */
export async function withTransaction<T>(
  ctx: { db: DbOrTx },
  fn: (tx: Tx) => Promise<T>,
  config?: { isolationLevel?: "read committed" | "repeatable read" | "serializable" },
): Promise<T> {
  if (isTransaction(ctx.db)) return fn(ctx.db);
  return ctx.db.transaction(fn, config);
}
