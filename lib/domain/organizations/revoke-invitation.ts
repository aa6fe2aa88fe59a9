import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { logMembershipChange } from "./membership-log";
import { organizationFor } from "./organization-access";
import { invitations } from "./schema";

export const revokeInvitationInput = z.object({ organizationId: z.string(), invitationId: z.string() });

/** Withdraws an open invitation (owners): its link stops working at once. */
export async function revokeInvitation({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeInvitationInput> }): Promise<void> {
  const i = revokeInvitationInput.parse(input);
  const org = await organizationFor(ctx, i.organizationId, "organization:manage");
  if (!isUuid(i.invitationId)) throw new NotFound("INVITATION_NOT_FOUND", "This invitation does not exist.");
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(invitations.id, i.invitationId), eq(invitations.organizationId, org.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw new NotFound("INVITATION_NOT_FOUND", "This invitation does not exist or is already closed.");
    await logMembershipChange(tx, ctx, { organizationId: org.id, change: "invitation_revoked", subjectEmail: row.email, role: row.role });
  });
}
