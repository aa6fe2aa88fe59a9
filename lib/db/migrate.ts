import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Applies the committed drizzle/ migrations. Safe to run on every start: applied ones are skipped. */
export async function runMigrations(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle({ client }), {
      migrationsFolder: path.join(process.cwd(), "drizzle"),
      // Not "platform": the migrator creates its schema before the first migration runs, and the
      // first migration's own CREATE SCHEMA "platform" would then fail.
      migrationsSchema: "drizzle",
      migrationsTable: "migrations",
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}
