import { closeDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { stampPeerAddress } from "@/lib/http/peer-address";
import { startJobsWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { closeRedis } from "@/lib/redis/client";
import { installGracefulShutdown } from "./shutdown";

/**
 * What a web process runs besides answering requests, and how it stops (instrumentation.ts).
 * Jobs run here only with JOBS_WORKER=inline; otherwise a worker process runs them (scripts/worker.ts).
 */
export function startOperations(): void {
  stampPeerAddress();
  if (env.RATE_LIMITS === "off") logger.warn("rate limits are off (RATE_LIMITS=off)");
  const inline = env.JOBS_WORKER === "inline";
  const worker = inline && env.DATABASE_URL ? startJobsWorker({ db: getDb(), log: logger, leaseMs: env.JOBS_LEASE_SECONDS * 1000 }) : null;
  if (inline && !worker) logger.warn("jobs worker not started: DATABASE_URL is not set");
  installGracefulShutdown({
    log: logger,
    stopWork: worker ? [() => worker.stop()] : [],
    close: [() => closeDb(), () => closeRedis()],
  });
}
