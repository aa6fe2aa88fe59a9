import { closeDb, getDb } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { env } from "../lib/env";
import { logger } from "../lib/log/logger";
import { runSeed } from "../lib/seed/run-seed";

/** Migrations, then the idempotent seed (demo data unless SEED_DEMO=false; the admin from ADMIN_EMAIL always). */
async function main() {
  await runMigrations(env.DATABASE_URL!);
  logger.info("db.migrated");
  await runSeed(getDb(), logger);
  await closeDb();
}

main().catch((error) => {
  logger.fatal({ err: error }, "db.prepare_failed");
  process.exit(1);
});
