import { env } from "@/lib/env";
import { PEER_ADDRESS_HEADER } from "./peer-address";

/** What every caller shares when the app cannot tell clients apart (the request was not stamped). */
export const UNKNOWN_CLIENT_IP = "unknown";

/**
 * The caller's address for sessions and rate limits. Each trusted proxy appends the address it
 * saw to X-Forwarded-For, so the entry added by the outermost trusted proxy is the first one a
 * client cannot forge; entries before it are whatever the client sent. With no trusted proxy
 * every forwarding header is the client's own word (`next start` keeps a client's
 * X-Forwarded-For, and X-Real-IP is never set by Next): the client is the socket's peer, which
 * this process stamps on each request (peer-address.ts).
 */
export function clientIp(headers: Headers, trustedHops: number = env.TRUSTED_PROXY_HOPS): string {
  if (trustedHops === 0) return headers.get(PEER_ADDRESS_HEADER)?.slice(0, 64) || UNKNOWN_CLIENT_IP;
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const entry = entries[Math.max(0, entries.length - trustedHops)];
  return entry ? entry.slice(0, 64) : UNKNOWN_CLIENT_IP;
}

export function userAgent(headers: Headers): string {
  return (headers.get("user-agent") ?? "").slice(0, 512);
}
