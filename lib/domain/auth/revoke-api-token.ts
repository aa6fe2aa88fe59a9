import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withTransaction } from "@/lib/db/transaction";
import { clientInfoSchema } from "./client-info";
import { apiTokens } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { signedInUser } from "./signed-in-user";

export const revokeApiTokenInput = z.object({ tokenId: z.string(), client: clientInfoSchema });

/**
 * Revokes one of the caller's tokens. Every request checks the row, so the token fails on its
 * very next use. Another user's token, or one already revoked, is not found.
 */
export async function revokeApiToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeApiTokenInput> }): Promise<void> {
  const { tokenId, client } = revokeApiTokenInput.parse(input);
  const { actor } = await signedInUser(ctx);
  if (!isUuid(tokenId)) throw new NotFound("API_TOKEN_NOT_FOUND", "No such token.");
  await withTransaction(ctx, async (tx) => {
    const [revoked] = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!revoked) throw new NotFound("API_TOKEN_NOT_FOUND", "No such token.");
    await recordSecurityEvent(tx, ctx, {
      type: "api_token_revoked",
      userId: actor.userId,
      sessionId: actor.sessionId,
      client,
      details: { tokenId, name: revoked.name },
    });
  });
}
