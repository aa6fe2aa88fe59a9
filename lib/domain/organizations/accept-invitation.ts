import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getUsersByIds, normalizeEmail } from "@/lib/domain/auth";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx, MemberRole } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { logMembershipChange } from "./membership-log";
import { invitations, memberships, organizations } from "./schema";

export const invitationInput = z.object({ id: z.string() });

const invitationNotFound = () => new NotFound("INVITATION_NOT_FOUND", "This invitation does not exist or is not addressed to you.");

/**
 * The invitation as its invitee sees it. Only the account with the invited address (verified)
 * sees it at all: the link carries no secret, the signed-in mailbox is the proof.
 */
async function invitationForCaller(ctx: Ctx, id: string) {
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  if (!isUuid(id)) throw invitationNotFound();
  const [me] = await getUsersByIds({ ctx, input: { ids: [ctx.actor.userId] } });
  const [found] = await ctx.db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.id, id));
  if (!me || !found || found.invitation.email !== normalizeEmail(me.email)) throw invitationNotFound();
  return { ...found, userId: me.id };
}

export type InvitationView = {
  id: string;
  organizationId: string;
  organizationName: string;
  role: MemberRole;
  email: string;
  expiresAt: Date;
  state: "open" | "accepted" | "revoked" | "expired";
};

export async function getInvitation({ ctx, input }: { ctx: Ctx; input: z.input<typeof invitationInput> }): Promise<InvitationView> {
  const { invitation: inv, organizationName } = await invitationForCaller(ctx, invitationInput.parse(input).id);
  const state = inv.acceptedAt ? "accepted" : inv.revokedAt ? "revoked" : inv.expiresAt <= ctx.now() ? "expired" : "open";
  return { id: inv.id, organizationId: inv.organizationId, organizationName, role: inv.role, email: inv.email, expiresAt: inv.expiresAt, state };
}

/**
 * Joins the organization with the invited role. The invitation is closed by a conditional
 * update, so one invitation makes one membership however often it is accepted at once.
 */
export async function acceptInvitation({ ctx, input }: { ctx: Ctx; input: z.input<typeof invitationInput> }) {
  const { invitation, userId } = await invitationForCaller(ctx, invitationInput.parse(input).id);
  if (ctx.actor.type === "user" && !ctx.actor.emailVerified) throw new Forbidden("EMAIL_NOT_VERIFIED", "Verify your email address before joining.");
  return withTransaction(ctx, async (tx) => {
    const now = ctx.now();
    const [taken] = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!taken) throw new Conflict("INVITATION_CLOSED", "This invitation was already used or withdrawn.");
    if (taken.expiresAt <= now) throw new Conflict("INVITATION_EXPIRED", "This invitation has expired: ask for a new one.");
    const [joined] = await tx
      .insert(memberships)
      .values({ organizationId: taken.organizationId, userId, role: taken.role, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (joined) await logMembershipChange(tx, ctx, { organizationId: taken.organizationId, change: "joined", subjectUserId: userId, subjectEmail: taken.email, role: taken.role });
    return { organizationId: taken.organizationId, role: joined?.role ?? null };
  });
}
