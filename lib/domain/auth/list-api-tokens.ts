import { and, desc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { toApiTokenView, type ApiTokenView } from "./create-api-token";
import { apiTokens } from "./schema";
import { signedInUser } from "./signed-in-user";

/** The caller's tokens that are not revoked (expired ones too, marked by expiresAt), newest first, never with secrets. */
export async function listApiTokens({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ data: ApiTokenView[] }> {
  const { actor } = await signedInUser(ctx);
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(100);
  return { data: rows.map(toApiTokenView) };
}
