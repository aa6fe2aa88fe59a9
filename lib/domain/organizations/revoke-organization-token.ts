import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withTransaction } from "@/lib/db/transaction";
import { logMembershipChange } from "./membership-log";
import { organizationFor } from "./organization-access";
import { organizationTokens } from "./schema";

export const revokeOrganizationTokenInput = z.object({ organizationId: z.string(), tokenId: z.string() });

const tokenNotFound = () => new NotFound("API_TOKEN_NOT_FOUND", "No such token.");

/**
 * Revokes one of the organization's tokens, whoever created it; any owner may. Every request
 * reads the row, so the token fails on its very next use. One of another organization, or one
 * already revoked, is not found.
 */
export async function revokeOrganizationToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeOrganizationTokenInput> }): Promise<void> {
  const { organizationId, tokenId } = revokeOrganizationTokenInput.parse(input);
  const org = await organizationFor(ctx, organizationId, "organization-token:manage");
  if (!isUuid(tokenId)) throw tokenNotFound();
  await withTransaction(ctx, async (tx) => {
    const [revoked] = await tx
      .update(organizationTokens)
      .set({ revokedAt: ctx.now(), revokedBy: ctx.actor.type === "user" ? ctx.actor.userId : null })
      .where(and(eq(organizationTokens.id, tokenId), eq(organizationTokens.organizationId, org.id), isNull(organizationTokens.revokedAt)))
      .returning({ id: organizationTokens.id, name: organizationTokens.name });
    if (!revoked) throw tokenNotFound();
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "token_revoked", subjectTokenId: revoked.id, subjectTokenName: revoked.name });
  });
}
