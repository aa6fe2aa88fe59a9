import { and, eq, isNull, ne } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { ClientInfo } from "./client-info";
import { userSessions } from "./schema";
import { sessionExpiry } from "./session-lifetime";

export type SessionKind = "web" | "api";

/** Every sign-in, web or API, starts one of these. */
export async function openSession(
  db: DbOrTx,
  { userId, kind, client, now }: { userId: string; kind: SessionKind; client: ClientInfo; now: Date },
): Promise<{ id: string; expiresAt: Date }> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, kind, userAgent: client.userAgent, ip: client.ip, createdAt: now, lastSeenAt: now, expiresAt: sessionExpiry(now) })
    .returning({ id: userSessions.id, expiresAt: userSessions.expiresAt });
  return row!;
}

/** Revokes a live session; returns whether this call did it (false when gone or already revoked). */
export async function revokeSessionRow(
  db: DbOrTx,
  { sessionId, userId, reason, now }: { sessionId: string; userId?: string; reason: string; now: Date },
): Promise<{ id: string; userId: string } | undefined> {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt), userId ? eq(userSessions.userId, userId) : undefined))
    .returning({ id: userSessions.id, userId: userSessions.userId });
  return row;
}

/**
 * Revokes every live session of a user (a password replaced), but `keepSessionId` (the one that
 * changed its own password stays signed in); returns how many.
 */
export async function revokeUserSessions(
  db: DbOrTx,
  { userId, reason, now, keepSessionId }: { userId: string; reason: string; now: Date; keepSessionId?: string },
): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keepSessionId ? ne(userSessions.id, keepSessionId) : undefined))
    .returning({ id: userSessions.id });
  return rows.length;
}
