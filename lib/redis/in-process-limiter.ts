/**
 * A per-process sliding-window limiter with the same arithmetic as @upstash/ratelimit's
 * `slidingWindow`: the previous fixed window counts in proportion to how much of it the sliding
 * window still covers. It stands in when Redis is absent or failing; each process then counts
 * on its own, so the effective limit is per instance rather than global.
 */

export type RateLimitResult = {
  success: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms at which the current window ends. */
  reset: number;
  /** 0 when allowed; otherwise whole seconds to wait, at least 1 (for a Retry-After header). */
  retryAfterSeconds: number;
};

type Counter = { window: number; count: number; previous: number };

const DEFAULT_MAX_KEYS = 10_000;

export function retryAfterSeconds(success: boolean, reset: number, now: number): number {
  return success ? 0 : Math.max(1, Math.ceil((reset - now) / 1000));
}

export function createInProcessLimiter(limit: number, windowMs: number, maxKeys = DEFAULT_MAX_KEYS) {
  const counters = new Map<string, Counter>();
  let sweptWindow = 0;

  /** Counters older than the previous window can no longer deny anything. */
  function sweep(window: number) {
    for (const [key, counter] of counters) {
      if (counter.window < window - 1) counters.delete(key);
    }
    sweptWindow = window;
  }

  function counterFor(key: string, window: number): Counter {
    const counter = counters.get(key);
    if (counter === undefined) {
      // Map keeps insertion order: past the cap, the longest-known key goes first.
      if (counters.size >= maxKeys) counters.delete(counters.keys().next().value!);
      const created = { window, count: 0, previous: 0 };
      counters.set(key, created);
      return created;
    }
    if (counter.window !== window) {
      counter.previous = counter.window === window - 1 ? counter.count : 0;
      counter.count = 0;
      counter.window = window;
    }
    return counter;
  }

  return {
    limit(key: string, now = Date.now()): RateLimitResult {
      const window = Math.floor(now / windowMs);
      if (window !== sweptWindow) sweep(window);
      const counter = counterFor(key, window);
      const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * counter.previous);
      const reset = (window + 1) * windowMs;
      const success = weightedPrevious + counter.count < limit;
      if (success) counter.count += 1;
      return {
        success,
        limit,
        remaining: Math.max(0, limit - counter.count - weightedPrevious),
        reset,
        retryAfterSeconds: retryAfterSeconds(success, reset, now),
      };
    },
  };
}
