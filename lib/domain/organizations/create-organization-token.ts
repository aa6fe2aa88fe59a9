import { and, count, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { createApiTokenBody, hashApiToken, newApiTokenSecret, ORGANIZATION_TOKEN_PREFIX, type ApiScope } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Validation } from "@/lib/domain/errors";
import { withTransaction } from "@/lib/db/transaction";
import { logMembershipChange } from "./membership-log";
import { lockOrganization, organizationFor } from "./organization-access";
import { organizationTokens, type OrganizationTokenRow } from "./schema";

/** As for personal tokens: enough for every integration, and a stolen owner session cannot mint thousands. */
export const MAX_LIVE_ORGANIZATION_TOKENS = 50;

/** The same name, scopes and optional expiry as a personal token. */
export const createOrganizationTokenInput = createApiTokenBody.extend({ organizationId: z.string() });

export type OrganizationTokenView = {
  id: string;
  organizationId: string;
  name: string;
  scopes: ApiScope[];
  /** The owner who created it, or null once unknown; the token does not depend on them. */
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
};

export function toOrganizationTokenView(row: OrganizationTokenRow): OrganizationTokenView {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    scopes: row.scopes as ApiScope[],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    lastUsedIp: row.lastUsedIp,
  };
}

/**
 * Mints a token that belongs to the organization: only its owners, from a signed-in session
 * (never with another token), may. The secret is returned this once; only its hash is stored.
 */
export async function createOrganizationToken({ ctx, input }: { ctx: Ctx; input: z.input<typeof createOrganizationTokenInput> }): Promise<OrganizationTokenView & { token: string }> {
  const { organizationId, name, scopes, expiresAt } = createOrganizationTokenInput.parse(input);
  const org = await organizationFor(ctx, organizationId, "organization-token:manage");
  const now = ctx.now();
  const expiry = expiresAt ? new Date(expiresAt) : null;
  if (expiry && expiry <= now) {
    throw new Validation("VALIDATION_FAILED", "The expiry date must be in the future.", [{ path: "expiresAt", message: "must be in the future" }]);
  }
  const token = newApiTokenSecret(ORGANIZATION_TOKEN_PREFIX);
  const row = await withTransaction(ctx, async (tx) => {
    // The organization's row is locked so two concurrent creations cannot both pass the cap.
    await lockOrganization(tx, org.id);
    const [live] = await tx
      .select({ n: count() })
      .from(organizationTokens)
      .where(and(eq(organizationTokens.organizationId, org.id), isNull(organizationTokens.revokedAt)));
    if ((live?.n ?? 0) >= MAX_LIVE_ORGANIZATION_TOKENS) {
      throw new Conflict("TOO_MANY_API_TOKENS", `This organization has ${MAX_LIVE_ORGANIZATION_TOKENS} tokens; revoke one before creating another.`);
    }
    const [created] = await tx
      .insert(organizationTokens)
      .values({
        organizationId: org.id,
        name,
        tokenHash: hashApiToken(token),
        scopes,
        createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt: expiry,
        createdAt: now,
      })
      .returning();
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "token_created", subjectTokenId: created!.id, subjectTokenName: name });
    return created!;
  });
  return { ...toOrganizationTokenView(row), token };
}
