import type { Actor } from "@/lib/domain/context";
import { RateLimited } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter } from "@/lib/redis/rate-limit";

export type BookingRateLimitedAction = "booking" | "waitlist";

const limiters = new Map<string, RateLimiter>();

function limiter(name: string, limit: number): RateLimiter {
  let found = limiters.get(name);
  if (!found) {
    found = createRateLimiter({ name, limit, window: "1 m" });
    limiters.set(name, found);
  }
  return found;
}

/**
 * Counts one booking or waitlist change for the user and for the client IP (per minute) and
 * throws RateLimited with the longer wait when either is spent. Counting never decides a seat:
 * that stays in Postgres. Off with RATE_LIMITS=off.
 */
export async function enforceBookingRateLimit(action: BookingRateLimitedAction, { actor, ip }: { actor: Actor; ip: string }): Promise<void> {
  const results = await Promise.all([
    limiter(`${action}:ip`, env.RATE_LIMIT_BOOKING_IP_PER_MINUTE).limit(ip || "unknown"),
    ...(actor.type === "user" ? [limiter(`${action}:user`, env.RATE_LIMIT_BOOKING_USER_PER_MINUTE).limit(actor.userId)] : []),
  ]);
  const denied = results.filter((r) => !r.success);
  // rate_limit_rejections_total is counted per denying limiter by createRateLimiter itself.
  if (denied.length === 0) return;
  const worst = denied.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  throw new RateLimited(worst.retryAfterSeconds, worst.limit, new Date(worst.reset));
}
