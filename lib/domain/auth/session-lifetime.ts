import { env } from "@/lib/env";

/** When a session opened at `now` ends at the latest, however active it is. */
export function sessionExpiry(now: Date): Date {
  return new Date(now.getTime() + env.AUTH_SESSION_MAX_HOURS * 3_600_000);
}

/** A session last seen before this moment has idled out. */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - env.AUTH_SESSION_IDLE_MINUTES * 60_000);
}

/** last_seen_at is written at most this often per session, not on every request. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function isSessionLive(s: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return s.revokedAt === null && s.expiresAt > now && s.lastSeenAt > idleCutoff(now);
}
