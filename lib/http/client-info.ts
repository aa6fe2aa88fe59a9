import { env } from "@/lib/env";

/** What every caller shares when the app cannot tell clients apart (no trusted proxy). */
export const UNKNOWN_CLIENT_IP = "unknown";

/**
 * The caller's address for sessions and rate limits. Each trusted proxy appends the address it
 * saw to X-Forwarded-For, so the entry added by the outermost trusted proxy is the first one a
 * client cannot forge; entries before it are whatever the client sent. With no trusted proxy
 * every header is the client's own word (`next start` keeps a client's X-Forwarded-For and
 * only fills it from the socket when it is missing, and X-Real-IP is never set by Next), so
 * nothing in the request names the client: all callers count as one.
 */
export function clientIp(headers: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  if (trustedHops === 0) return UNKNOWN_CLIENT_IP;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const entry = entries[Math.max(0, entries.length - trustedHops)];
  return entry ? entry.slice(0, 64) : UNKNOWN_CLIENT_IP;
}

export function userAgent(headers: Headers): string {
  return (headers.get("user-agent") ?? "").slice(0, 512);
}
