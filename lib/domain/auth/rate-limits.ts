import { createHash } from "node:crypto";
import { RateLimited } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { createRateLimiter, type RateLimiter, type RateLimitResult } from "@/lib/redis/rate-limit";
import { normalizeEmail } from "./email";

export type AuthRateLimitedRoute =
  | "token"
  | "register"
  | "verify"
  | "resend"
  | "password-reset"
  | "password-reset-confirm"
  | "email-change"
  | "email-change-confirm"
  | "reauth"
  | "api-token-create";

/** Routes that send mail are held tighter per account, so nobody can flood an inbox. */
const MAIL_SENDING: ReadonlySet<AuthRateLimitedRoute> = new Set(["register", "resend", "password-reset", "email-change"]);
const MAIL_PER_ACCOUNT_PER_HOUR = 5;

/**
 * The longest an account's own limit can keep anyone out once the attempts stop: an account
 * limit held for an hour would let anyone lock its owner out by guessing from a few addresses.
 */
export const ACCOUNT_LOCKOUT_WINDOW = "1 m";

const limiters = new Map<string, RateLimiter>();

function limiter(name: string, limit: number, window: "1 m" | "1 h"): RateLimiter {
  let found = limiters.get(name);
  if (!found) {
    found = createRateLimiter({ name, limit, window });
    limiters.set(name, found);
  }
  return found;
}

/** Keys are hashed so Redis holds no email addresses. */
function hashed(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("base64url");
}

/**
 * The checks on one attempt (OWASP Authentication Cheat Sheet: throttle, do not lock out):
 * - per client address, a minute: the broad throttle;
 * - per (address, account), an hour: one address guessing at one account slows to a crawl;
 * - per account from anywhere: for sign-in and codes a short window, which caps how fast
 *   rotating addresses can guess at one account yet frees the owner within a minute of the
 *   guessing stopping; for the mail-sending routes five an hour, so no inbox is flooded (they
 *   sign nobody in, so they lock nobody out).
 */
function checksFor(route: AuthRateLimitedRoute, ip: string, accountKey: string | undefined): Promise<RateLimitResult>[] {
  const perMinute = env.RATE_LIMIT_AUTH_PER_MINUTE;
  const checks = [limiter(`auth:${route}:ip`, perMinute, "1 m").limit(ip)];
  if (!accountKey) return checks;
  const account = normalizeEmail(accountKey);
  const perAddressAndAccount = env.RATE_LIMIT_AUTH_ACCOUNT_PER_HOUR ?? 5 * perMinute;
  checks.push(limiter(`auth:${route}:ip-account`, perAddressAndAccount, "1 h").limit(hashed(ip, account)));
  checks.push(
    MAIL_SENDING.has(route)
      ? limiter(`auth:${route}:account`, MAIL_PER_ACCOUNT_PER_HOUR, "1 h").limit(hashed(account))
      : limiter(`auth:${route}:account-minute`, perMinute, ACCOUNT_LOCKOUT_WINDOW).limit(hashed(account)),
  );
  return checks;
}

/**
 * Counts one attempt on `route` (see checksFor) and throws RateLimited with the longest wait
 * when any limit is spent. Unknown and known emails are counted alike, so the limits
 * themselves reveal nothing. A signed-in caller's checks (a current password, an email
 * change's code) are keyed by `userId` instead of an address.
 */
export async function enforceAuthRateLimit(
  route: AuthRateLimitedRoute,
  { ip, email, userId }: { ip: string; email?: string; userId?: string },
): Promise<void> {
  const denied = (await Promise.all(checksFor(route, ip || "unknown", email ?? userId))).filter((r) => !r.success);
  if (denied.length === 0) return;
  const worst = denied.reduce((a, b) => (b.retryAfterSeconds > a.retryAfterSeconds ? b : a));
  throw new RateLimited(worst.retryAfterSeconds, worst.limit, new Date(worst.reset));
}
