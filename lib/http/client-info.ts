import { env } from "@/lib/env";

/**
 * The caller's address for sessions and rate limits. Each trusted proxy appends the address it
 * saw to X-Forwarded-For (and `next start` fills it from the socket when absent), so the entry
 * added by the outermost trusted proxy is the first one a client cannot forge; entries before
 * it are whatever the client sent.
 */
export function clientIp(headers: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded && trustedHops > 0) {
    const entries = forwarded.split(",").map((e) => e.trim()).filter(Boolean);
    const entry = entries[Math.max(0, entries.length - trustedHops)];
    if (entry) return entry.slice(0, 64);
  }
  return headers.get("x-real-ip")?.slice(0, 64) ?? "unknown";
}

export function userAgent(headers: Headers): string {
  return (headers.get("user-agent") ?? "").slice(0, 512);
}
