import type { Db } from "@/lib/db/client";
import { logger as rootLogger, type Logger } from "@/lib/log/logger";
import { inngest } from "@/inngest/client";
import { functions as allFunctions } from "@/inngest/functions";
import { claimRuns, renewLeases } from "./claim";
import { scheduleCronTicks } from "./cron";
import { executeRun, type RunOutcome } from "./execute-run";
import { fanOut } from "./fan-out";
import { newWorkerId } from "./heartbeat";
import { formBatches } from "./form-batches";
import { createInProcessHandler } from "./in-process-handler";
import { buildRegistry, type JobFunction } from "./registry";
import type { JobRun } from "./schema";

const CRON_CHECK_MS = 5_000;

export type RunnerOptions = {
  db: Db;
  log?: Logger;
  /** Defaults to every function in inngest/functions. */
  functions?: JobFunction[];
  /** How long a claim holds without renewal; a dead worker's runs are taken over after it. */
  leaseMs?: number;
  /** First retry delay; each further retry doubles it (with jitter), up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  workerId?: string;
};

export type Runner = ReturnType<typeof createRunner>;

/** The in-process stand-in for an Inngest server: dispatch events, claim runs, execute them. */
export function createRunner(o: RunnerOptions) {
  const registry = buildRegistry(inngest.id, o.functions ?? allFunctions);
  const handler = createInProcessHandler(registry, inngest);
  const functionIds = [...registry.byId.keys()];
  const workerId = o.workerId ?? newWorkerId();
  const leaseMs = o.leaseMs ?? 30_000;
  const base = o.retryBaseMs ?? 1_000;
  const max = o.retryMaxMs ?? 10 * 60_000;
  const log = o.log ?? rootLogger;
  // Exponential with equal jitter: retries of many runs that failed together spread out.
  let cronCheckedAt = 0;
  const backoff = (attempt: number) => Math.min(max, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);

  // One timer renews every run this runner executes, in one statement, instead of one per run.
  const executing = new Map<string, Logger>();
  let renewal: ReturnType<typeof setInterval> | null = null;
  const renewAll = async () => {
    const ids = [...executing.keys()];
    try {
      const held = await renewLeases(o.db, ids, workerId, leaseMs);
      for (const id of ids) if (!held.has(id)) executing.get(id)?.warn("job.lease_lost");
    } catch (err) {
      log.warn({ err, runs: ids.length }, "job.lease_renewal_failed");
    }
  };

  return {
    registry,
    workerId,
    functionIds,

    /** Turns new outbox events, ready batches and due cron ticks into queued runs. */
    async dispatch(): Promise<void> {
      while ((await fanOut(o.db, registry)) > 0);
      await formBatches(o.db, registry);
      // Ticks are at least a minute apart: looking every few seconds is plenty, not on every wake.
      if (Date.now() - cronCheckedAt >= CRON_CHECK_MS) {
        cronCheckedAt = Date.now();
        await scheduleCronTicks(o.db, registry);
      }
    },

    /** Leases up to `n` runs, as flow control allows, best first. */
    claimMany(n: number): Promise<JobRun[]> {
      return claimRuns(o.db, registry, workerId, leaseMs, n);
    },

    async claim(): Promise<JobRun | null> {
      const [run] = await claimRuns(o.db, registry, workerId, leaseMs, 1);
      return run ?? null;
    },

    /** Executes a claimed run, renewing its lease meanwhile so a slow step is not taken over. */
    async execute(run: JobRun, signal?: AbortSignal): Promise<RunOutcome> {
      const runLog = log.child({ requestId: run.requestId, runId: run.id, functionId: run.functionId });
      executing.set(run.id, runLog);
      renewal ??= setInterval(() => void renewAll(), leaseMs / 3);
      try {
        const outcome = await executeRun(run, { db: o.db, registry, handler, workerId, log: runLog, backoff, signal });
        if (outcome === "lost") runLog.warn("job.lease_lost_before_write");
        else runLog.debug({ outcome }, "job.executed");
        return outcome;
      } finally {
        executing.delete(run.id);
        if (executing.size === 0 && renewal) {
          clearInterval(renewal);
          renewal = null;
        }
      }
    },
  };
}
