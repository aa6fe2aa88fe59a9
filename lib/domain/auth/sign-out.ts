import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "./policy";
import { clientInfoSchema } from "./client-info";
import { hashRefreshToken } from "./refresh-token";
import { refreshTokens } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { revokeSessionRow } from "./sessions";

export const signOutInput = z.object({
  refreshToken: z.string().min(1).max(512).optional(),
  client: clientInfoSchema,
});

/**
 * Ends the caller's session (web or API); a refresh token sent along ends its session too
 * when it belongs to the same user. Signing out twice is not an error.
 */
export async function signOut({ ctx, input }: { ctx: Ctx; input: z.input<typeof signOutInput> }): Promise<void> {
  const { refreshToken, client } = signOutInput.parse(input);
  const actor = ctx.actor;
  authorize(actor, "account:manage");
  if (actor.type !== "user") return;
  const now = ctx.now();
  await withTransaction(ctx, async (tx) => {
    const sessionIds = new Set<string>(actor.sessionId ? [actor.sessionId] : []);
    if (refreshToken) {
      const [row] = await tx
        .select({ sessionId: refreshTokens.sessionId })
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
      if (row) sessionIds.add(row.sessionId);
    }
    for (const sessionId of sessionIds) {
      const revoked = await revokeSessionRow(tx, { sessionId, userId: actor.userId, reason: "sign_out", now });
      if (revoked) await recordSecurityEvent(tx, ctx, { type: "session_revoked", userId: actor.userId, sessionId, client, details: { reason: "sign_out" } });
    }
  });
}
