import { and, eq } from "drizzle-orm";
import { authorize, can, type Action } from "@/lib/domain/auth";
import type { Tx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { organizations } from "./schema";

export const organizationNotFound = () => new NotFound("ORGANIZATION_NOT_FOUND", "This organization does not exist.");

/** The organization if the caller may `action` it; an organization they are not in is not revealed. */
export async function organizationFor(ctx: Ctx, organizationId: string, action: Action) {
  if (!isUuid(organizationId)) throw organizationNotFound();
  if (!can(ctx.actor, "organization:view", { organizationId })) throw organizationNotFound();
  authorize(ctx.actor, action, { organizationId });
  const [org] = await ctx.db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw organizationNotFound();
  return org;
}

/**
 * Locks the organization row: every change to who owns it takes this lock first, so two owners
 * removing or demoting each other at once run one after the other and the second sees the first.
 */
export async function lockOrganization(tx: Tx, organizationId: string): Promise<void> {
  await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.id, organizationId))).for("update");
}
