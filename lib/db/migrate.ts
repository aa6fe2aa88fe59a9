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
      migrationsSchema: "platform",
      migrationsTable: "migrations",
    });
  } finally {
    await client.end({ timeout: 5 });
  }
}
