import { promoteWaitlistOnRelease } from "@/inngest/functions/promote-waitlist";
import { getDb } from "@/lib/db/client";
import { startJobsWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/log/logger";

/**
 * A separate promotion worker for promotion-crash.test.ts, which SIGKILLs it mid-run. A short
 * lease lets the test's own worker take the abandoned run over quickly.
 */
startJobsWorker({ db: getDb(), log: logger, functions: [promoteWaitlistOnRelease], leaseMs: 1_000, pollMs: 50, workerId: "doomed" });
process.stdout.write("WORKER_STARTED\n");
