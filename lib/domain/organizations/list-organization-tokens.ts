import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { toOrganizationTokenView, type OrganizationTokenView } from "./create-organization-token";
import { organizationFor } from "./organization-access";
import { organizationTokens } from "./schema";

export const listOrganizationTokensInput = z.object({ organizationId: z.string() });

/** The organization's tokens that are not revoked (expired ones too), newest first, never with secrets; owners only. */
export async function listOrganizationTokens({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOrganizationTokensInput> }): Promise<{ data: OrganizationTokenView[] }> {
  const org = await organizationFor(ctx, listOrganizationTokensInput.parse(input).organizationId, "organization-token:manage");
  const rows = await ctx.db
    .select()
    .from(organizationTokens)
    .where(and(eq(organizationTokens.organizationId, org.id), isNull(organizationTokens.revokedAt)))
    .orderBy(desc(organizationTokens.createdAt))
    .limit(100);
  return { data: rows.map(toOrganizationTokenView) };
}
