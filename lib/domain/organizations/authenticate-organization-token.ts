import { and, eq, isNull, lt, or } from "drizzle-orm";
import { hashApiToken, LAST_SEEN_RESOLUTION_MS } from "@/lib/domain/auth";
import type { DbOrTx } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { organizationTokens } from "./schema";

/**
 * Resolves an organization token, on every request that sends one: one unique-index probe on
 * the hash, so a revoked or expired token fails at once. The actor it yields is the token
 * itself (its id as `userId`, so audit entries name it) with one membership: manager of its
 * organization. Managers cannot manage members or tokens, and no person stands behind it, so
 * whoever created it may leave without breaking it. Last use is written at most once a minute.
 */
export async function authenticateOrganizationToken({ db, token, now, ip }: { db: DbOrTx; token: string; now: Date; ip: string }): Promise<UserActor> {
  const [row] = await db
    .select({
      id: organizationTokens.id,
      organizationId: organizationTokens.organizationId,
      scopes: organizationTokens.scopes,
      expiresAt: organizationTokens.expiresAt,
      revokedAt: organizationTokens.revokedAt,
      lastUsedAt: organizationTokens.lastUsedAt,
    })
    .from(organizationTokens)
    .where(eq(organizationTokens.tokenHash, hashApiToken(token)));
  if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) {
    throw new Unauthenticated("INVALID_TOKEN", "The API token is invalid, expired or revoked.");
  }
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_SEEN_RESOLUTION_MS);
    await db
      .update(organizationTokens)
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where(and(eq(organizationTokens.id, row.id), or(isNull(organizationTokens.lastUsedAt), lt(organizationTokens.lastUsedAt, stale))));
  }
  return {
    type: "user",
    userId: row.id,
    // Not an organizer or admin: its rights come from the one membership below alone.
    role: "attendee",
    // The owner who made it vouched for it; publishing needs no mailbox proof from a token.
    emailVerified: true,
    sessionId: null,
    apiToken: { id: row.id, scopes: row.scopes, organizationId: row.organizationId },
    memberships: [{ organizationId: row.organizationId, role: "manager" }],
  };
}
