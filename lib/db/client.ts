import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { PgTransaction } from "drizzle-orm/pg-core";
import type { PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres, { type Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PostgresJsDatabase<Schema> & { $client: Sql };
export type Tx = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What use cases receive in `ctx.db`: the pool, or a transaction they should join. */
export type DbOrTx = Db | Tx;

export function createDb(url: string, options: { max?: number } = {}): Db {
  const client = postgres(url, {
    max: options.max ?? env.DATABASE_POOL_MAX,
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    connection: { application_name: "evently" },
  });
  return drizzle({ client, schema });
}

let shared: Db | undefined;
let sharedMax: number | undefined;

/**
 * Sizes the process-wide pool before its first use: a worker process (scripts/worker.ts) wants
 * WORKER_DATABASE_POOL_MAX, not the web's DATABASE_POOL_MAX, also for code that falls back to getDb().
 */
export function sizeSharedPool(max: number): void {
  if (shared) throw new Error("the database pool is already open: size it before first use");
  sharedMax = max;
}

/** The process-wide pool. Lazy, so importing a module never needs a database (e.g. during `next build`). */
export function getDb(): Db {
  if (!shared) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start` (embedded Postgres) or set it.");
    }
    shared = createDb(env.DATABASE_URL, { max: sharedMax });
  }
  return shared;
}

export async function closeDb(): Promise<void> {
  const db = shared;
  shared = undefined;
  await db?.$client.end({ timeout: 5 });
}
