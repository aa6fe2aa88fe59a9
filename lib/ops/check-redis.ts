import { getRedis, pingRedis } from "@/lib/redis/client";
import { redisCircuit } from "@/lib/redis/safe-redis";
import type { CheckResult } from "./check-database";

/**
 * Pings through the app's Redis circuit, so the probe reports what requests experience (open:
 * failing fast) and, once the circuit allows a trial, is itself the call that closes it again.
 */
export async function checkRedis(): Promise<CheckResult> {
  const redis = getRedis();
  if (!redis) return { status: "not_configured", latencyMs: 0, detail: "no REDIS_URL or Upstash credentials: no shared cache, per-process rate limits" };
  const started = performance.now();
  try {
    return await redisCircuit(redis).execute(async () => {
      const ping = await pingRedis({ redis });
      if (ping.status !== "ok") throw new Error(ping.detail ?? "no answer");
      return { status: "ok", latencyMs: ping.latencyMs } satisfies CheckResult;
    });
  } catch (error) {
    return {
      status: "down",
      latencyMs: Math.round(performance.now() - started),
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}
