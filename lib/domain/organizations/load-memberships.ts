import { eq } from "drizzle-orm";
import { getUsersByIds } from "@/lib/domain/auth";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx, Membership, UserActor } from "@/lib/domain/context";
import { logMembershipChange } from "./membership-log";
import { memberships, organizations } from "./schema";

async function membershipsOf(ctx: Ctx, userId: string): Promise<Membership[]> {
  return ctx.db.select({ organizationId: memberships.organizationId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
}

/**
 * Founds the organization an organizer works in, once: the unique founder makes a second
 * founding (two first requests at once) a no-op.
 */
async function foundOrganization(ctx: Ctx, userId: string): Promise<void> {
  const [user] = await getUsersByIds({ ctx, input: { ids: [userId] } });
  await withTransaction(ctx, async (tx) => {
    const [org] = await tx
      .insert(organizations)
      .values({ name: user?.name ? `${user.name}'s organization` : "My organization", founderId: userId, createdAt: ctx.now() })
      .onConflictDoNothing({ target: organizations.founderId })
      .returning();
    if (!org) return;
    await tx.insert(memberships).values({ organizationId: org.id, userId, role: "owner", createdAt: ctx.now() });
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "founded", subjectUserId: userId, role: "owner" });
  });
}

/**
 * The actor with its memberships, as every request builds it: one indexed query. An organizer
 * always works inside an organization, so one who has none (just signed up, or made an
 * organizer by an admin) founds their own here, once.
 */
export async function withMemberships(ctx: Ctx, actor: UserActor): Promise<UserActor> {
  // An organization token comes with its one membership; its id belongs to no person.
  if (actor.apiToken?.organizationId) return actor;
  let found = await membershipsOf(ctx, actor.userId);
  if (found.length === 0 && actor.role === "organizer") {
    await foundOrganization({ ...ctx, actor }, actor.userId);
    found = await membershipsOf(ctx, actor.userId);
  }
  return { ...actor, memberships: found };
}
