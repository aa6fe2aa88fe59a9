import type { Db } from "@/lib/db/client";
import type { Logger } from "@/lib/log/logger";
import { msUntilNextDue } from "./claim";
import { newWorkerId, startHeartbeat } from "./heartbeat";
import { inngestServer } from "./inngest-server";
import { JOBS_CHANNEL } from "./outbox";
import { inngestSender, relayOutbox, type SendToInngest } from "./relay";
import { createRunner, type RunnerOptions } from "./runner";

export type WorkerOptions = RunnerOptions & {
  db: Db;
  log: Logger;
  /** Runs executed at once by this process. */
  concurrency?: number;
  /** Longest idle wait: a backstop for a missed notification. */
  pollMs?: number;
  /** For tests: relay to this sender as if an Inngest server were configured. */
  sendToInngest?: SendToInngest;
};

export type JobsWorker = { stop(): Promise<void> };

/** A sleep that a notification, a finished run or stop() cuts short. */
function wakeable() {
  let pending = false;
  let resolve: (() => void) | null = null;
  return {
    wake() {
      if (resolve) resolve();
      else pending = true;
    },
    nap(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((done) => {
        const timer = setTimeout(finish, ms);
        function finish() {
          clearTimeout(timer);
          resolve = null;
          done();
        }
        resolve = finish;
      });
    },
  };
}

/**
 * Starts the jobs worker of this process. With an Inngest server configured it only relays the
 * outbox to it; otherwise it runs the functions in-process. Idle, it waits for a NOTIFY from
 * `emit`, the next due run, or `pollMs`. `stop()` lets the steps in progress finish, hands their
 * runs back and returns. While it runs, its heartbeat row says it is alive (heartbeat.ts).
 */
export function startJobsWorker(o: WorkerOptions): JobsWorker {
  const pollMs = o.pollMs ?? 1_000;
  const concurrency = o.concurrency ?? 4;
  const stopping = new AbortController();
  const signal = wakeable();
  const log = o.log.child({ component: "jobs-worker" });
  const listening = o.db.$client.listen(JOBS_CHANNEL, () => signal.wake()).catch((err: unknown) => {
    log.warn({ err }, "jobs.listen_failed");
    return null;
  });
  const workerId = o.workerId ?? newWorkerId();
  const heartbeat = startHeartbeat(o.db, workerId, log);
  const server = inngestServer();
  const send = o.sendToInngest ?? (server ? inngestSender(server) : null);

  const relayLoop = async (send: SendToInngest) => {
    while (!stopping.signal.aborted) {
      try {
        while ((await relayOutbox(o.db, send)) > 0 && !stopping.signal.aborted);
      } catch (err) {
        log.error({ err }, "jobs.relay_failed");
      }
      await signal.nap(pollMs);
    }
  };

  const runLoop = async () => {
    const runner = createRunner({ ...o, workerId, log: o.log });
    const inFlight = new Set<Promise<unknown>>();
    log.info({ workerId: runner.workerId, functions: runner.functionIds }, "jobs.worker_started");
    for (const ignored of runner.registry.ignoredOptions) log.warn(ignored, "jobs.options_need_inngest_server");
    while (!stopping.signal.aborted) {
      let delay = pollMs;
      try {
        await runner.dispatch();
        while (inFlight.size < concurrency && !stopping.signal.aborted) {
          const run = await runner.claim();
          if (!run) break;
          const execution: Promise<unknown> = runner
            .execute(run, stopping.signal)
            .catch((err: unknown) => log.error({ err, runId: run.id }, "jobs.execution_failed"))
            .finally(() => {
              inFlight.delete(execution);
              signal.wake();
            });
          inFlight.add(execution);
        }
        if (inFlight.size < concurrency) delay = Math.min(pollMs, (await msUntilNextDue(o.db)) ?? pollMs);
      } catch (err) {
        log.error({ err }, "jobs.worker_error");
      }
      await signal.nap(delay);
    }
    await Promise.allSettled([...inFlight]);
  };

  const loop = send ? relayLoop(send) : runLoop();
  return {
    async stop() {
      stopping.abort();
      signal.wake();
      await loop;
      await (await listening)?.unlisten();
      await heartbeat.stop();
      log.info("jobs.worker_stopped");
    },
  };
}
