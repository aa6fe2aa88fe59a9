import { createTestUser } from "@/lib/domain/auth/test-fixtures";
import type { MemberRole, UserActor } from "@/lib/domain/context";
import { testCtx } from "./db";
import { acceptInvitation, inviteMember, withMemberships } from "@/lib/domain/organizations";

/** The actor as a request builds it: with its memberships (an organizer founds their organization). */
export const loaded = (actor: UserActor) => withMemberships(testCtx(actor), actor);

/** A new organizer with the organization founded for them, as its owner. */
export async function organizerWithOrganization(options: { name?: string } = {}) {
  const user = await createTestUser({ role: "organizer", ...options });
  const actor = await loaded(user.actor);
  return { ...user, actor, organizationId: actor.memberships![0]!.organizationId };
}

/** A new account invited into the organization with `role`, accepted; its actor loaded. */
export async function memberOf(owner: UserActor, organizationId: string, role: MemberRole) {
  const user = await createTestUser();
  const invitation = await inviteMember({ ctx: testCtx(owner), input: { organizationId, email: user.email, role } });
  await acceptInvitation({ ctx: testCtx(await loaded(user.actor)), input: { id: invitation.id } });
  return { ...user, actor: await loaded(user.actor) };
}
