import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { clientInfoSchema } from "./client-info";
import { hashRefreshToken } from "./refresh-token";
import { resolveSession } from "./resolve-session";
import { refreshTokens } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeSessionRow } from "./sessions";
import { createTokenPair, type TokenPair } from "./token-pair";

export const rotateRefreshTokenInput = z.object({
  refreshToken: z.string().min(1).max(512),
  client: clientInfoSchema,
});

type Outcome = { kind: "rotated"; pair: TokenPair } | { kind: "invalid" } | { kind: "reused"; sessionId: string };

function invalidRefreshToken(): Unauthenticated {
  return new Unauthenticated("INVALID_REFRESH_TOKEN", "The refresh token is invalid or expired. Sign in again.");
}

/**
 * Exchanges a refresh token for a new pair; the presented token is spent by a conditional
 * update, so of two concurrent uses exactly one rotates. Presenting a spent token means it was
 * copied: the whole session is revoked (both its tokens stop working) and the reuse is logged.
 */
export async function rotateRefreshToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof rotateRefreshTokenInput> }): Promise<TokenPair> {
  const { refreshToken, client } = rotateRefreshTokenInput.parse(input);
  const tokenHash = hashRefreshToken(refreshToken);
  const now = ctx.now();

  const outcome = await withTransaction(ctx, async (tx): Promise<Outcome> => {
    const [spent] = await tx
      .update(refreshTokens)
      .set({ usedAt: now })
      .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.usedAt)))
      .returning({ sessionId: refreshTokens.sessionId, expiresAt: refreshTokens.expiresAt });
    if (!spent) {
      const [known] = await tx.select({ sessionId: refreshTokens.sessionId }).from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
      return known ? { kind: "reused", sessionId: known.sessionId } : { kind: "invalid" };
    }
    if (spent.expiresAt <= now) return { kind: "invalid" };
    const session = await resolveSession({ db: tx, sessionId: spent.sessionId, now });
    if (!session) return { kind: "invalid" };
    const pair = await createTokenPair(tx, {
      userId: session.actor.userId,
      role: session.actor.role,
      sessionId: spent.sessionId,
      sessionExpiresAt: session.expiresAt,
      now,
    });
    return { kind: "rotated", pair };
  });

  if (outcome.kind === "rotated") return outcome.pair;
  if (outcome.kind === "invalid") throw invalidRefreshToken();

  await withTransaction(ctx, async (tx) => {
    const revoked = await revokeSessionRow(tx, { sessionId: outcome.sessionId, reason: "refresh_token_reused", now });
    await recordSecurityEvent(tx, ctx, {
      type: "refresh_token_reused",
      userId: revoked?.userId,
      sessionId: outcome.sessionId,
      client,
      details: { sessionRevoked: revoked !== undefined },
    });
  });
  throw new Unauthenticated("REFRESH_TOKEN_REUSED", "This refresh token was already used; the session has been ended for safety. Sign in again.");
}
