import { ExponentialBackoff, fullJitterGenerator, handleWhen, retry } from "cockatiel";
import { Conflict } from "@/lib/domain/errors";
import { isTransient } from "./pg-error";

/** Thrown inside a retried unit when the row changed since it was read (its version moved on). */
export class StaleVersion extends Error {
  constructor() {
    super("The row changed since it was read.");
  }
}

const MAX_ATTEMPTS = 5;

/**
 * Read-then-write use cases (cancel, priority change, promotion) retry lost races: a stale
 * version, a serialization failure or a deadlock. Exponential backoff with full jitter spreads
 * the retries of racing callers apart instead of re-colliding them in lockstep.
 */
const policy = retry(
  handleWhen((e) => e instanceof StaleVersion || isTransient(e)),
  {
    maxAttempts: MAX_ATTEMPTS,
    backoff: new ExponentialBackoff({ generator: fullJitterGenerator, initialDelay: 10, maxDelay: 400 }),
  },
);

export async function retryOnConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await policy.execute(work);
  } catch (error) {
    if (error instanceof StaleVersion || isTransient(error)) {
      throw new Conflict("CONCURRENT_UPDATE", "Someone else is changing this right now. Please try again.");
    }
    throw error;
  }
}
