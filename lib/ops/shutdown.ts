import type { Logger } from "@/lib/log/logger";

/**
 * Graceful shutdown of one app process, so a rolling restart loses nothing:
 *
 * 1. On SIGTERM/SIGINT, Next's own server (`next start`, standalone server.js) stops accepting
 *    connections and lets the requests in flight finish; at the same moment `stopWork` begins
 *    (the jobs worker lets its steps finish and hands its claimed runs back).
 * 2. When its requests are done Next calls `process.exit()`. That exit is held until the work
 *    has stopped, then `close` runs (database pool, Redis), then the process exits with Next's
 *    code. Closing the pool earlier would fail the very requests being drained.
 * 3. `graceMs` bounds the whole sequence: past it the process exits anyway, and whatever was
 *    cut short is safe by design (leases lapse, outbox rows stay, transactions roll back).
 *
 * When nothing else handles the signal (NEXT_MANUAL_SIG_HANDLE, a plain script), this exits by
 * itself after the same sequence.
 */

export type ShutdownOptions = {
  log: Logger;
  /** Stops producing work: runs first, concurrently with Next draining its requests. */
  stopWork: (() => Promise<void>)[];
  /** Releases connections: runs once requests are drained and work has stopped. */
  close: (() => Promise<void>)[];
  graceMs?: number;
};

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
const INSTALLED = Symbol.for("evently.shutdown.installed");

async function settleAll(steps: (() => Promise<void>)[], log: Logger, phase: string): Promise<void> {
  const results = await Promise.allSettled(steps.map((step) => step()));
  for (const result of results) {
    if (result.status === "rejected") log.error({ err: result.reason, phase }, "shutdown.step_failed");
  }
}

export function installGracefulShutdown({ log, stopWork, close, graceMs = 25_000 }: ShutdownOptions): void {
  const holder = process as NodeJS.Process & { [INSTALLED]?: boolean };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;

  const realExit = process.exit.bind(process);
  let workStopped: Promise<void> | undefined;
  let finishing: Promise<void> | undefined;

  const finish = (): Promise<void> =>
    (finishing ??= (async () => {
      await workStopped;
      await settleAll(close, log, "close");
      log.info("shutdown.complete");
    })());

  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    if (workStopped) return;
    log.info({ signal }, "shutdown.started");
    workStopped = settleAll(stopWork, log, "stop_work");
    setTimeout(() => {
      log.warn({ graceMs }, "shutdown.grace_exceeded");
      realExit(SIGNAL_EXIT_CODES[signal]);
    }, graceMs).unref();

    // Next registered its own handler first; if it is gone, nobody else will drain and exit.
    const othersHandle = process.listeners(signal).some((listener) => listener !== handlers[signal]);
    if (!othersHandle) void finish().then(() => realExit(SIGNAL_EXIT_CODES[signal]));
  };
  const handlers = { SIGINT: () => onSignal("SIGINT"), SIGTERM: () => onSignal("SIGTERM") };

  process.exit = ((code?: number | string | null) => {
    if (!workStopped) return realExit(code);
    void finish().then(() => realExit(code));
    return undefined as never;
  }) as typeof process.exit;

  process.on("SIGINT", handlers.SIGINT);
  process.on("SIGTERM", handlers.SIGTERM);
}
