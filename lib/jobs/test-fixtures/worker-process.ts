import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { startJobsWorker } from "../worker";
import { crashControl, emailOnce } from "./crash-functions";

/**
 * A separate worker process for the takeover test: it reports progress on stdout and stalls
 * inside the email step, after the email is stored, until the test kills it with SIGKILL.
 */
crashControl.onPrepare = (token) => void process.stdout.write(`PREPARED ${token}\n`);
crashControl.afterEmail = () => {
  process.stdout.write("EMAIL_STORED\n");
  return new Promise<void>(() => {});
};

startJobsWorker({ db: getDb(), log: logger, functions: [emailOnce], leaseMs: 1_000, pollMs: 100, workerId: "doomed" });
process.stdout.write("WORKER_STARTED\n");
