"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { acceptInvitation } from "@/lib/domain/organizations";
import { action } from "@/lib/web/action";

export const acceptInvitationAction = action(z.object({ id: z.string() }), async ({ input, ctx }) => {
  const joined = await acceptInvitation({ ctx, input });
  redirect(`/dashboard/organization?org=${joined.organizationId}`);
});
