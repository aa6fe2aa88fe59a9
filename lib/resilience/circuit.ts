import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
} from "cockatiel";
import { logger } from "@/lib/log/logger";

/**
 * A circuit breaker with a deadline around one dependency (Redis, SMTP, an Inngest server).
 * After `failuresToOpen` consecutive failures or timeouts, calls fail at once with
 * `CircuitOpenError` instead of waiting on a dead dependency; after `halfOpenAfterMs` one trial
 * call goes through, and its success closes the circuit again. Callers decide what reduced
 * function means (fall back, or let a job step fail and retry later).
 */

export type CircuitStatus = "closed" | "half_open" | "open";

export type CircuitOptions = {
  /** Names the dependency in logs, health and metrics. */
  name: string;
  /** A call that takes longer counts as failed; its promise is abandoned, not awaited. */
  timeoutMs: number;
  failuresToOpen?: number;
  halfOpenAfterMs?: number;
  /** Errors that say nothing about the dependency's health (e.g. a Redis WRONGTYPE reply). */
  ignore?: (error: Error) => boolean;
};

export type Circuit = {
  readonly name: string;
  execute<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  status(): CircuitStatus;
  /** Why the circuit last opened, while it is not closed. */
  reason(): string | undefined;
};

/** Thrown instead of calling a dependency whose circuit is open. */
export class CircuitOpenError extends Error {
  override name = "CircuitOpenError";
  constructor(readonly circuit: string) {
    super(`${circuit} is unavailable (circuit open); not calling it until the next trial`);
  }
}

const STATUS: Record<CircuitState, CircuitStatus> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.HalfOpen]: "half_open",
  [CircuitState.Open]: "open",
  [CircuitState.Isolated]: "open",
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createCircuit(options: CircuitOptions): Circuit {
  const { name, timeoutMs, failuresToOpen = 5, halfOpenAfterMs = 5_000, ignore = () => false } = options;
  const breaker = circuitBreaker(
    handleWhen((error) => !ignore(error)),
    { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(failuresToOpen) },
  );
  const policy = wrap(breaker, timeout(timeoutMs, TimeoutStrategy.Aggressive));
  let openedBecause: string | undefined;

  breaker.onBreak((failure) => {
    openedBecause = "error" in failure ? describe(failure.error) : "isolated";
    logger.warn({ circuit: name, reason: openedBecause }, "circuit.open");
  });
  breaker.onReset(() => {
    openedBecause = undefined;
    logger.info({ circuit: name }, "circuit.closed");
  });

  return {
    name,
    async execute(work) {
      try {
        // A signal per call: cockatiel's shared default collects one abort listener per
        // concurrent call and warns past ten.
        return await policy.execute(({ signal }) => work(signal), new AbortController().signal);
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw new CircuitOpenError(name);
        throw error;
      }
    },
    status: () => STATUS[breaker.state],
    reason: () => openedBecause,
  };
}
