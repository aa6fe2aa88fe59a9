import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { can, getUsersByIds } from "@/lib/domain/auth";
import type { Ctx, MemberRole } from "@/lib/domain/context";
import { organizationFor } from "./organization-access";
import { invitations, membershipLog, memberships, organizations } from "./schema";

export const getOrganizationInput = z.object({ organizationId: z.string() });

export type MemberView = { userId: string; name: string; email: string; role: MemberRole; joinedAt: Date };
export type OpenInvitationView = { id: string; email: string; role: MemberRole; expiresAt: Date };
export type MembershipChangeView = { change: string; actorId: string | null; subjectUserId: string | null; subjectEmail: string | null; role: MemberRole | null; previousRole: MemberRole | null; subjectTokenName: string | null; at: Date };

/**
 * An organization for its settings page: every member sees who is in it; owners also see open
 * invitations and the latest membership changes.
 */
export async function getOrganization({ ctx, input }: { ctx: Ctx; input: z.input<typeof getOrganizationInput> }) {
  const org = await organizationFor(ctx, getOrganizationInput.parse(input).organizationId, "organization:view");
  const rows = await ctx.db.select().from(memberships).where(eq(memberships.organizationId, org.id)).orderBy(asc(memberships.createdAt));
  const people = new Map((await getUsersByIds({ ctx, input: { ids: rows.map((r) => r.userId) } })).map((u) => [u.id, u]));
  const members: MemberView[] = rows.map((r) => ({ userId: r.userId, name: people.get(r.userId)?.name ?? "", email: people.get(r.userId)?.email ?? "", role: r.role, joinedAt: r.createdAt }));
  const manages = can(ctx.actor, "organization:manage", { organizationId: org.id });
  const open: OpenInvitationView[] = manages
    ? await ctx.db
        .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(and(eq(invitations.organizationId, org.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.now())))
        .orderBy(desc(invitations.createdAt))
    : [];
  const log: MembershipChangeView[] = manages
    ? await ctx.db
        .select({
          change: membershipLog.change,
          actorId: membershipLog.actorId,
          subjectUserId: membershipLog.subjectUserId,
          subjectEmail: membershipLog.subjectEmail,
          role: membershipLog.role,
          previousRole: membershipLog.previousRole,
          subjectTokenName: membershipLog.subjectTokenName,
          at: membershipLog.at,
        })
        .from(membershipLog)
        .where(eq(membershipLog.organizationId, org.id))
        .orderBy(desc(membershipLog.at))
        .limit(50)
    : [];
  return { id: org.id, name: org.name, members, invitations: open, log, manages };
}

/** The organizations the caller belongs to, with their role, for switching between them. */
export async function listMyOrganizations({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ id: string; name: string; role: MemberRole }[]> {
  if (ctx.actor.type !== "user") return [];
  const mine = ctx.actor.memberships ?? [];
  if (mine.length === 0) return [];
  const rows = await ctx.db.select({ id: organizations.id, name: organizations.name }).from(organizations).where(inArray(organizations.id, mine.map((m) => m.organizationId)));
  const roleOf = new Map(mine.map((m) => [m.organizationId, m.role]));
  return rows.map((r) => ({ ...r, role: roleOf.get(r.id)! })).sort((a, b) => a.name.localeCompare(b.name));
}
