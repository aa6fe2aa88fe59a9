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

/**
 * Runs `fn` so that its failure leaves the caller's transaction usable: inside a transaction it
 * gets a savepoint (rolled back on error, the outer work kept); on the pool it runs as is, its
 * statements autocommit.
 */
export async function withSavepoint<T>(db: DbOrTx, fn: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return db.transaction(fn);
  return fn(db);
}
