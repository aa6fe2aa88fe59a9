import { closeDb, getDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { startJobsWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";
import { closeRedis } from "@/lib/redis/client";
import { installGracefulShutdown } from "./shutdown";

/** What a server process runs besides answering requests, and how it stops (instrumentation.ts). */
export function startOperations(): void {
  if (env.RATE_LIMITS === "off") logger.warn("rate limits are off (RATE_LIMITS=off)");
  const worker = env.JOBS_WORKER && env.DATABASE_URL ? startJobsWorker({ db: getDb(), log: logger }) : null;
  if (env.JOBS_WORKER && !worker) logger.warn("jobs worker not started: DATABASE_URL is not set");
  installGracefulShutdown({
    log: logger,
    stopWork: worker ? [() => worker.stop()] : [],
    close: [() => closeDb(), () => closeRedis()],
  });
}
