import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { emailSchema, getUsersByEmails } from "@/lib/domain/auth";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { INVITATION_DAYS, memberRoleSchema } from "./member-roles";
import { logMembershipChange } from "./membership-log";
import { organizationFor } from "./organization-access";
import { invitations, memberships } from "./schema";

export const inviteMemberInput = z.object({ organizationId: z.string(), email: emailSchema, role: memberRoleSchema });

/**
 * Invites an address into the organization (owners only) and mails it a link. Inviting the same
 * address again renews the open invitation (new role, new expiry, another email); a member is
 * not invited twice.
 */
export async function inviteMember({ ctx, input }: { ctx: Ctx; input: z.input<typeof inviteMemberInput> }) {
  const i = inviteMemberInput.parse(input);
  const org = await organizationFor(ctx, i.organizationId, "organization:manage");
  const invitedBy = ctx.actor.type === "user" ? ctx.actor.userId : null;
  return withTransaction(ctx, async (tx) => {
    const [account] = await getUsersByEmails({ ctx, input: { emails: [i.email] } });
    const already = account
      ? await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.organizationId, org.id), eq(memberships.userId, account.id)))
      : [];
    if (already.length > 0) throw new Conflict("ALREADY_MEMBER", "This person is already a member.");
    const now = ctx.now();
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const [row] = await tx
      .insert(invitations)
      .values({ organizationId: org.id, email: i.email, role: i.role, invitedBy: invitedBy!, expiresAt, createdAt: now })
      .onConflictDoUpdate({
        target: [invitations.organizationId, invitations.email],
        targetWhere: sql`accepted_at is null and revoked_at is null`,
        set: { role: i.role, invitedBy: invitedBy!, expiresAt, createdAt: now },
      })
      .returning();
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "invited", subjectEmail: i.email, role: i.role });
    await emit(tx, {
      name: "organization.member_invited",
      data: { invitationId: row!.id, organizationId: org.id, organizationName: org.name, email: i.email, role: i.role, invitedBy: invitedBy!, expiresAt: expiresAt.toISOString() },
      requestId: ctx.requestId,
    });
    return { id: row!.id, email: row!.email, role: row!.role, expiresAt: row!.expiresAt };
  });
}
