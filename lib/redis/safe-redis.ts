import type { Redis } from "@upstash/redis";
import { logger } from "@/lib/log/logger";
import { createCircuit, type Circuit, type CircuitOptions } from "@/lib/resilience/circuit";
import { sharedCircuit } from "@/lib/resilience/circuits";
import { getRedis, isAppRedis } from "./client";

/**
 * Every Redis call of the app goes through a circuit: when Redis fails or hangs, calls stop
 * waiting on it for a few seconds and callers take their fallback (no cache, in-process rate
 * limits). Redis never decides correctness, so a fallback is always possible.
 */

const REDIS_CIRCUIT: CircuitOptions = {
  name: "redis",
  // A cache read or a rate-limit check is worth a few milliseconds, never a stalled request.
  timeoutMs: 500,
  failuresToOpen: 5,
  halfOpenAfterMs: 5_000,
  // A command's own error reply (WRONGTYPE, not an integer) says nothing about Redis's health.
  ignore: (error) => error.name === "UpstashError",
};

const ownCircuits = new WeakMap<Redis, Circuit>();

/** The app's client shares the process-wide circuit; other clients (tests, tools) get their own. */
export function redisCircuit(redis: Redis): Circuit {
  if (isAppRedis(redis)) return sharedCircuit(REDIS_CIRCUIT);
  let circuit = ownCircuits.get(redis);
  if (!circuit) {
    circuit = createCircuit(REDIS_CIRCUIT);
    ownCircuits.set(redis, circuit);
  }
  return circuit;
}

/**
 * Runs `work` against Redis through its circuit; without Redis, or when it fails, times out or
 * its circuit is open, answers `fallback()` instead. Never throws for a Redis reason.
 */
export async function safeRedis<T>(
  work: (redis: Redis) => Promise<T>,
  fallback: () => T,
  redis: Redis | null = getRedis(),
): Promise<T> {
  if (!redis) return fallback();
  try {
    return await redisCircuit(redis).execute(() => work(redis));
  } catch (error) {
    // Outages are logged by the circuit; a command error is a bug worth a line of its own.
    if (error instanceof Error && error.name === "UpstashError") logger.warn({ err: error.message }, "redis.command_failed");
    return fallback();
  }
}
