import { runMigrations } from "../lib/db/migrate";
import { env } from "../lib/env";

async function main() {
  if (!env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: `npm start` migrates its embedded database by itself.");
    process.exit(1);
  }
  await runMigrations(env.DATABASE_URL);
  console.log("migrations applied");
}

void main();
