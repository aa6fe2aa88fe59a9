import type { DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/domain/context";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from "./access-token";
import { newRefreshToken } from "./refresh-token";
import { refreshTokens } from "./schema";

export type TokenPair = { accessToken: string; refreshToken: string; tokenType: "Bearer"; expiresIn: number };

/** A new access token and a new refresh token for a session; the refresh token dies with the session. */
export async function createTokenPair(
  db: DbOrTx,
  { userId, role, sessionId, sessionExpiresAt, now }: { userId: string; role: Role; sessionId: string; sessionExpiresAt: Date; now: Date },
): Promise<TokenPair> {
  const { token, tokenHash } = newRefreshToken();
  await db.insert(refreshTokens).values({ sessionId, tokenHash, createdAt: now, expiresAt: sessionExpiresAt });
  const accessToken = await signAccessToken({ sub: userId, sid: sessionId, role }, now);
  return { accessToken, refreshToken: token, tokenType: "Bearer", expiresIn: ACCESS_TOKEN_TTL_SECONDS };
}
