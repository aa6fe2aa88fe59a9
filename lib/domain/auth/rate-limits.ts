import { createHash } from "node:crypto";
import { RateLimited } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter, type RateLimitResult } from "@/lib/redis/rate-limit";
import { normalizeEmail } from "./email";

export type AuthRateLimitedRoute = "token" | "register" | "verify" | "resend";

/** Routes that send mail are held tighter per account, so nobody can flood an inbox. */
const MAIL_SENDING: ReadonlySet<AuthRateLimitedRoute> = new Set(["register", "resend"]);
const MAIL_PER_ACCOUNT_PER_HOUR = 5;

const limiters = new Map<string, RateLimiter>();

function limiter(name: string, limit: number, window: "1 m" | "1 h"): RateLimiter {
  let found = limiters.get(name);
  if (!found) {
    found = createRateLimiter({ name, limit, window });
    limiters.set(name, found);
  }
  return found;
}

function perAccountPerHour(route: AuthRateLimitedRoute): number {
  const limit = env.RATE_LIMIT_AUTH_ACCOUNT_PER_HOUR ?? 5 * env.RATE_LIMIT_AUTH_PER_MINUTE;
  return MAIL_SENDING.has(route) ? Math.min(limit, MAIL_PER_ACCOUNT_PER_HOUR) : limit;
}

/** Account keys are hashed so Redis holds no email addresses. */
function accountKey(email: string): string {
  return createHash("sha256").update(normalizeEmail(email)).digest("base64url");
}

/**
 * Counts one attempt on `route` for the client's IP (per minute) and, when an email is given,
 * for that account (per hour); throws RateLimited with the longer wait when either is spent.
 * Unknown and known emails are counted alike, so the limit itself reveals nothing.
 */
export async function enforceAuthRateLimit(route: AuthRateLimitedRoute, { ip, email }: { ip: string; email?: string }): Promise<void> {
  const checks: Promise<RateLimitResult>[] = [limiter(`auth:${route}:ip`, env.RATE_LIMIT_AUTH_PER_MINUTE, "1 m").limit(ip || "unknown")];
  if (email) checks.push(limiter(`auth:${route}:account`, perAccountPerHour(route), "1 h").limit(accountKey(email)));
  const denied = (await Promise.all(checks)).filter((r) => !r.success);
  if (denied.length === 0) return;
  const worst = denied.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  throw new RateLimited(worst.retryAfterSeconds, worst.limit, new Date(worst.reset));
}
