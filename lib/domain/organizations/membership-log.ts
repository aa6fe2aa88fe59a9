import type { Tx } from "@/lib/db/client";
import type { Ctx, MemberRole } from "@/lib/domain/context";
import { membershipLog } from "./schema";

type Change = (typeof membershipLog.$inferInsert)["change"];

/** Writes one membership or token change to the organization's audit log, in the transaction that makes it. */
export async function logMembershipChange(
  tx: Tx,
  ctx: Ctx,
  entry: {
    organizationId: string;
    change: Change;
    subjectUserId?: string | null;
    subjectEmail?: string | null;
    role?: MemberRole | null;
    previousRole?: MemberRole | null;
    subjectTokenId?: string | null;
    subjectTokenName?: string | null;
  },
): Promise<void> {
  await tx.insert(membershipLog).values({ ...entry, actorId: ctx.actor.type === "user" ? ctx.actor.userId : null, at: ctx.now() });
  ctx.log.info(
    { organizationId: entry.organizationId, change: entry.change, subjectUserId: entry.subjectUserId, subjectTokenId: entry.subjectTokenId, role: entry.role },
    `organization.${entry.change}`,
  );
}
