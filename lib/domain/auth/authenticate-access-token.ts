import type { DbOrTx } from "@/lib/db/client";
import type { UserActor } from "@/lib/domain/context";
import { invalidAccessToken, verifyAccessToken } from "./access-token";
import { resolveSession } from "./resolve-session";

/**
 * Resolves a bearer access token to the acting user, on every authenticated API request:
 * the JWT check (no I/O), then one primary-key statement for the session and its user, so
 * a revoked session's token stops at once and a role change applies on the next request.
 */
export async function authenticateAccessToken({ db, token, now }: { db: DbOrTx; token: string; now: Date }): Promise<UserActor> {
  const claims = await verifyAccessToken(token, now);
  const session = await resolveSession({ db, sessionId: claims.sid, now });
  if (!session || session.actor.userId !== claims.sub) throw invalidAccessToken();
  return session.actor;
}
