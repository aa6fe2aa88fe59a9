import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx, MemberRole } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound } from "@/lib/domain/errors";
import { MEMBER_ROLES, memberRoleSchema } from "./member-roles";
import { logMembershipChange } from "./membership-log";
import { lockOrganization, organizationFor } from "./organization-access";
import { memberships, type MembershipRow } from "./schema";

const memberNotFound = () => new NotFound("MEMBER_NOT_FOUND", "This person is not a member.");
const lastOwner = () => new Conflict("LAST_OWNER", "An organization keeps at least one owner: make someone else owner first.");

/**
 * The member's row under the organization lock, and whether another owner would remain without
 * them. A member caller must still hold `callerRole` under the lock: an owner removed a moment
 * ago by another owner acts no more.
 */
async function memberUnderLock(tx: Tx, ctx: Ctx, organizationId: string, userId: string, callerRoles: readonly MemberRole[]): Promise<{ member: MembershipRow; otherOwners: number }> {
  await lockOrganization(tx, organizationId);
  if (ctx.actor.type === "user" && ctx.actor.role !== "admin") {
    const [caller] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, ctx.actor.userId)));
    if (!caller || !callerRoles.includes(caller.role)) throw new Forbidden();
  }
  const [member] = await tx.select().from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!member) throw memberNotFound();
  const [owners] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  return { member, otherOwners: (owners?.n ?? 0) - (member.role === "owner" ? 1 : 0) };
}

export const changeMemberRoleInput = z.object({ organizationId: z.string(), userId: z.string(), role: memberRoleSchema });

/** Gives a member another role (owners only); the last owner cannot step down. */
export async function changeMemberRole({ ctx, input }: { ctx: Ctx; input: z.input<typeof changeMemberRoleInput> }) {
  const i = changeMemberRoleInput.parse(input);
  const org = await organizationFor(ctx, i.organizationId, "organization:manage");
  return withTransaction(ctx, async (tx) => {
    const { member, otherOwners } = await memberUnderLock(tx, ctx, org.id, i.userId, ["owner"]);
    if (member.role === i.role) return { userId: member.userId, role: member.role };
    if (member.role === "owner" && otherOwners === 0) throw lastOwner();
    await tx.update(memberships).set({ role: i.role }).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, i.userId)));
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "role_changed", subjectUserId: i.userId, role: i.role, previousRole: member.role });
    return { userId: member.userId, role: i.role };
  });
}

export const removeMemberInput = z.object({ organizationId: z.string(), userId: z.string() });

/**
 * Removes a member (owners), or the caller leaves. The last owner stays: with the organization
 * row locked first, two owners removing each other at once leave exactly one.
 */
export async function removeMember({ ctx, input }: { ctx: Ctx; input: z.input<typeof removeMemberInput> }): Promise<void> {
  const i = removeMemberInput.parse(input);
  const leaving = ctx.actor.type === "user" && ctx.actor.userId === i.userId;
  const org = await organizationFor(ctx, i.organizationId, leaving ? "organization:view" : "organization:manage");
  await withTransaction(ctx, async (tx) => {
    const { member, otherOwners } = await memberUnderLock(tx, ctx, org.id, i.userId, leaving ? MEMBER_ROLES : ["owner"]);
    if (member.role === "owner" && otherOwners === 0) throw lastOwner();
    await tx.delete(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, i.userId)));
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "removed", subjectUserId: i.userId, previousRole: member.role });
  });
}
