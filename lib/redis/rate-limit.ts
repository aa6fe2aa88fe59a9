import { Ratelimit, type Duration } from "@upstash/ratelimit";
import type { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { countRateLimitRejection } from "@/lib/metrics/domain";
import { getRedis } from "./client";
import { createInProcessLimiter, retryAfterSeconds, type RateLimitResult } from "./in-process-limiter";
import { redisCircuit } from "./safe-redis";
import { RedisUnavailableError } from "./tcp-requester";

/**
 * Rate limits shared by every instance through Redis (@upstash/ratelimit's sliding window).
 * Without Redis, or while it fails, each process limits on its own: @upstash/ratelimit's
 * `ephemeralCache` only remembers keys Redis has already blocked and counts nothing itself,
 * so the fallback is a small in-process sliding window with the same arithmetic.
 * Rate limiting never makes a request fail.
 */

export type { RateLimitResult };

export type RateLimiter = {
  limit(key: string): Promise<RateLimitResult>;
};

export type RateLimiterConfig = {
  /** Keys live under `rl:<name>:` in Redis. */
  name: string;
  limit: number;
  window: Duration;
  /** Defaults to the app's client; `null` counts in this process only. */
  redis?: Redis | null;
  /** Defaults to RATE_LIMITS being "on". */
  enabled?: boolean;
};

/** Past this, an answer from Redis is not worth waiting for: the in-process count decides. */
const REDIS_TIMEOUT_MS = 500;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function durationMs(duration: Duration): number {
  const match = /^(\d+(?:\.\d+)?) ?(ms|s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`Invalid rate-limit window: ${duration}`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

export function createRateLimiter(config: RateLimiterConfig): RateLimiter {
  const { name, limit, window } = config;
  const windowMs = durationMs(window);
  const enabled = config.enabled ?? env.RATE_LIMITS === "on";
  const inProcess = createInProcessLimiter(limit, windowMs);
  let shared: { ratelimit: Ratelimit; redis: Redis } | null | undefined;
  let redisFailing = false;

  function sharedLimiter() {
    if (shared === undefined) {
      const redis = config.redis === undefined ? getRedis() : config.redis;
      shared = redis && {
        redis,
        ratelimit: new Ratelimit({
          redis,
          limiter: Ratelimit.slidingWindow(limit, window),
          prefix: `rl:${name}`,
          timeout: REDIS_TIMEOUT_MS,
          analytics: false,
          enableTelemetry: false,
        }),
      };
    }
    return shared;
  }

  function noteRedisFailure(error: unknown) {
    if (redisFailing) return;
    redisFailing = true;
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ limiter: name, err: reason }, "rate_limit.redis_unavailable: counting in process");
  }

  function noteRedisAnswer() {
    if (!redisFailing) return;
    redisFailing = false;
    logger.info({ limiter: name }, "rate_limit.redis_recovered");
  }

  async function limitThroughRedis(key: string): Promise<RateLimitResult | null> {
    try {
      const limiter = sharedLimiter();
      if (!limiter) return null;
      // Through the Redis circuit: while it is open the in-process count decides without waiting.
      const response = await redisCircuit(limiter.redis).execute(async () => {
        const answer = await limiter.ratelimit.limit(key);
        // On timeout @upstash/ratelimit lets the request through without having counted it.
        if (answer.reason === "timeout") throw new RedisUnavailableError(`no answer within ${REDIS_TIMEOUT_MS} ms`);
        return answer;
      });
      noteRedisAnswer();
      const { success, reset, remaining } = response;
      return { success, limit: response.limit, remaining, reset, retryAfterSeconds: retryAfterSeconds(success, reset, Date.now()) };
    } catch (error) {
      noteRedisFailure(error);
      return null;
    }
  }

  return {
    async limit(key) {
      if (!enabled) {
        return { success: true, limit, remaining: limit, reset: Date.now() + windowMs, retryAfterSeconds: 0 };
      }
      const result = (await limitThroughRedis(key)) ?? inProcess.limit(key);
      if (!result.success) countRateLimitRejection(name);
      return result;
    },
  };
}
