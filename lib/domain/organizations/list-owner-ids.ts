import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { memberships } from "./schema";

export const listOwnerIdsInput = z.object({ organizationId: z.string() });

/** The organization's owners, longest-standing first: whom notices about the organization go to (jobs only, no policy check). */
export async function listOwnerIds({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOwnerIdsInput> }): Promise<string[]> {
  const { organizationId } = listOwnerIdsInput.parse(input);
  if (!isUuid(organizationId)) return [];
  const rows = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")))
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => r.userId);
}
