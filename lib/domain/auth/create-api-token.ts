import { and, count, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Validation } from "@/lib/domain/errors";
import { boundedInstant } from "@/lib/domain/instants";
import { withTransaction } from "@/lib/db/transaction";
import { API_SCOPES, apiScopeSchema, type ApiScope } from "./api-token-scopes";
import { hashApiToken, newApiTokenSecret } from "./api-token-secret";
import { clientInfoSchema } from "./client-info";
import { apiTokens, users } from "./schema";
import { recordSecurityEvent } from "./security-log";
import { signedInUser } from "./signed-in-user";

/** Enough for every integration a person runs; a cap keeps a stolen session from minting thousands. */
export const MAX_LIVE_API_TOKENS = 50;

export const createApiTokenBody = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  scopes: z
    .array(apiScopeSchema)
    .min(1, "Choose at least one permission.")
    .max(API_SCOPES.length)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: boundedInstant().optional(),
});

export const createApiTokenInput = createApiTokenBody.extend({ client: clientInfoSchema });

export type ApiTokenView = {
  id: string;
  name: string;
  scopes: ApiScope[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

/**
 * Mints a personal API token for the signed-in caller (never with another API token: the policy
 * refuses that). The secret is returned this once; only its hash is stored.
 */
export async function createApiToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof createApiTokenInput> }): Promise<ApiTokenView & { token: string }> {
  const { actor } = await signedInUser(ctx);
  const { name, scopes, expiresAt, client } = createApiTokenInput.parse(input);
  const now = ctx.now();
  const expiry = expiresAt ? new Date(expiresAt) : null;
  if (expiry && expiry <= now) {
    throw new Validation("VALIDATION_FAILED", "The expiry date must be in the future.", [{ path: "expiresAt", message: "must be in the future" }]);
  }
  const token = newApiTokenSecret();
  const row = await withTransaction(ctx, async (tx) => {
    // The owner's row is locked so two concurrent creations cannot both pass the cap.
    await tx.execute(sql`select 1 from ${users} where ${users.id} = ${actor.userId} for update`);
    const [live] = await tx
      .select({ n: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
    if ((live?.n ?? 0) >= MAX_LIVE_API_TOKENS) {
      throw new Conflict("TOO_MANY_API_TOKENS", `You have ${MAX_LIVE_API_TOKENS} tokens; revoke one before creating another.`);
    }
    const [created] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name, tokenHash: hashApiToken(token), scopes, expiresAt: expiry, createdAt: now })
      .returning();
    await recordSecurityEvent(tx, ctx, {
      type: "api_token_created",
      userId: actor.userId,
      sessionId: actor.sessionId,
      client,
      details: { tokenId: created!.id, name, scopes, expiresAt: expiry?.toISOString() ?? null },
    });
    return created!;
  });
  return { ...toApiTokenView(row), token };
}

export function toApiTokenView(row: typeof apiTokens.$inferSelect): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes as ApiScope[],
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
  };
}
