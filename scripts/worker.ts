import { setPriority } from "node:os";
import { closeDb, getDb, sizeSharedPool } from "../lib/db/client";
import { env } from "../lib/env";
import { startJobsWorker } from "../lib/jobs/worker";
import { logger } from "../lib/log/logger";
import { installGracefulShutdown } from "../lib/ops/shutdown";
import { closeRedis } from "../lib/redis/client";

/**
 * `npm run worker`: a jobs worker process of its own (emails, analytics, cron), with its own
 * database pool and CPU, so job work never runs on a web process's event loop. Run as many as
 * the backlog needs; they share the outbox through leases. SIGTERM/SIGINT let the steps in
 * progress finish and hand their runs back (lib/ops/shutdown.ts), then the process exits.
 */
if (!env.DATABASE_URL) {
  logger.fatal("DATABASE_URL is not set: the jobs worker needs the app's database");
  process.exit(1);
}
// Lowering one's own priority needs no privilege; the web processes beside it keep theirs.
setPriority(env.WORKER_NICE);
sizeSharedPool(env.WORKER_DATABASE_POOL_MAX);
const worker = startJobsWorker({ db: getDb(), log: logger, leaseMs: env.JOBS_LEASE_SECONDS * 1000 });
installGracefulShutdown({
  log: logger,
  stopWork: [() => worker.stop()],
  close: [() => closeDb(), () => closeRedis()],
});
