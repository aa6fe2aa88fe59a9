import { closeDb, getDb } from "../lib/db/client";
import { logger } from "../lib/log/logger";
import { runSeed } from "../lib/seed/run-seed";

async function main() {
  await runSeed(getDb(), logger);
  await closeDb();
}

void main();
