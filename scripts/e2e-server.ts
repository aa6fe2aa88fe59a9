import { runApp } from "./app-process";
import { freshLocalDatabase } from "./fresh-local-database";

/**
 * The server Playwright drives: the production build on a freshly created database, so every run
 * starts from the seed alone. It refuses any database that is not on this machine.
 */
async function main() {
  const database = await freshLocalDatabase({ name: "evently_e2e", dataDir: ".data/e2e" });
  process.env.DATABASE_URL = database.url;
  process.env.RATE_LIMITS ??= "off";
  process.env.LOG_LEVEL ??= "warn";
  process.env.SEED_DEMO ??= "true";
  await runApp("start", database.embedded);
}

void main();
