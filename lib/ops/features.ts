import { env } from "@/lib/env";
import { redisMode } from "@/lib/redis/client";

/** Which optional parts are active in this process, as /api/info and /api/health report them. */
export function features() {
  return {
    redis: redisMode(),
    rateLimits: env.RATE_LIMITS,
  };
}
