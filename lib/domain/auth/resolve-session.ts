import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { users, userSessions } from "./schema";
import { isSessionLive, LAST_SEEN_RESOLUTION_MS } from "./session-lifetime";

export type ResolvedSession = {
  actor: UserActor;
  user: { id: string; email: string; name: string };
  expiresAt: Date;
};

function buildLookup(db: DbOrTx) {
  return db
    .select({
      userId: userSessions.userId,
      revokedAt: userSessions.revokedAt,
      expiresAt: userSessions.expiresAt,
      lastSeenAt: userSessions.lastSeenAt,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      email: users.email,
      name: users.name,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sql.placeholder("sessionId")))
    .prepare("auth_resolve_session");
}

const lookups = new WeakMap<DbOrTx, ReturnType<typeof buildLookup>>();

/**
 * The check behind every authenticated request, web or API: one statement, two primary-key
 * lookups (session, then its user). Role and verification come from the user row, so a role
 * change applies on the next request; a revoked, expired or idle session resolves to null.
 * last_seen_at is written at most once a minute per session.
 */
export async function resolveSession({ db, sessionId, now }: { db: DbOrTx; sessionId: string; now: Date }): Promise<ResolvedSession | null> {
  let lookup = lookups.get(db);
  if (!lookup) {
    lookup = buildLookup(db);
    lookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ sessionId });
  if (!row || !isSessionLive(row, now)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, stale)));
  }
  return {
    actor: { type: "user", userId: row.userId, role: row.role, emailVerified: row.emailVerifiedAt !== null, sessionId },
    user: { id: row.userId, email: row.email, name: row.name },
    expiresAt: row.expiresAt,
  };
}
