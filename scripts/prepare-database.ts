import { closeDb, getDb } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { env } from "../lib/env";
import { logger } from "../lib/log/logger";
import { closeRedis } from "../lib/redis/client";
import { runSeed } from "../lib/seed/run-seed";

/** Migrations, then the idempotent seed (demo data unless SEED_DEMO=false; the admin from ADMIN_EMAIL always). */
async function main() {
  await runMigrations(env.DATABASE_URL!);
  logger.info("db.migrated");
  await runSeed(getDb(), logger);
  await closeDb();
  // Use cases the seed runs touch the cache; an open Redis connection would keep this process alive.
  await closeRedis();
}

main().catch((error) => {
  logger.fatal({ err: error }, "db.prepare_failed");
  process.exit(1);
});
