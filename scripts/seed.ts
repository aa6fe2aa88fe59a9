import { closeDb, getDb } from "../lib/db/client";
import { logger } from "../lib/log/logger";
import { closeRedis } from "../lib/redis/client";
import { runSeed } from "../lib/seed/run-seed";

async function main() {
  await runSeed(getDb(), logger);
  await closeDb();
  // Use cases the seed runs touch the cache; an open Redis connection would keep this process alive.
  await closeRedis();
}

void main();
