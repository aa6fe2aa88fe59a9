"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeMemberRole, inviteMember, removeMember, revokeInvitation } from "@/lib/domain/organizations";
import { action } from "@/lib/web/action";

const PAGE = "/dashboard/organization";

export const inviteMemberAction = action(z.object({ organizationId: z.string(), email: z.string(), role: z.string() }), async ({ input, ctx }) => {
  const invited = await inviteMember({ ctx, input: { organizationId: input.organizationId, email: input.email, role: input.role as never } });
  revalidatePath(PAGE);
  return { email: invited.email };
});

export const changeMemberRoleAction = action(z.object({ organizationId: z.string(), userId: z.string(), role: z.string() }), async ({ input, ctx }) => {
  const changed = await changeMemberRole({ ctx, input: { organizationId: input.organizationId, userId: input.userId, role: input.role as never } });
  revalidatePath(PAGE);
  return changed;
});

export const removeMemberAction = action(z.object({ organizationId: z.string(), userId: z.string() }), async ({ input, ctx }) => {
  await removeMember({ ctx, input });
  revalidatePath(PAGE);
  return { removed: input.userId };
});

export const revokeInvitationAction = action(z.object({ organizationId: z.string(), invitationId: z.string() }), async ({ input, ctx }) => {
  await revokeInvitation({ ctx, input });
  revalidatePath(PAGE);
  return { revoked: input.invitationId };
});
