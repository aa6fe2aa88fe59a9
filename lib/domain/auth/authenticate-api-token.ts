import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { hashApiToken } from "./api-token-secret";
import { apiTokens, users } from "./schema";
import { LAST_SEEN_RESOLUTION_MS } from "./session-lifetime";

function invalidApiToken(): Unauthenticated {
  return new Unauthenticated("INVALID_TOKEN", "The API token is invalid, expired or revoked.");
}

/**
 * Resolves a personal API token to its owner, on every request that sends one: one unique-index
 * probe on the hash joined to the user, so a revoked or expired token fails at once and a role
 * change applies on the next request. Last use (time and address) is written at most once a
 * minute per token, by a conditional update that concurrent requests cannot repeat.
 */
export async function authenticateApiToken({ db, token, now, ip }: { db: DbOrTx; token: string; now: Date; ip: string }): Promise<UserActor> {
  const [row] = await db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      role: users.role,
      emailVerifiedAt: users.emailVerifiedAt,
      deletedAt: users.deletedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashApiToken(token)));
  if (!row || row.revokedAt !== null || row.deletedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) throw invalidApiToken();
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, stale))));
  }
  return {
    type: "user",
    userId: row.userId,
    role: row.role,
    emailVerified: row.emailVerifiedAt !== null,
    sessionId: null,
    apiToken: { id: row.id, scopes: row.scopes },
  };
}
