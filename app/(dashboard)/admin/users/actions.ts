"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeUserRole } from "@/lib/domain/auth";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

const roleForm = z.object({ userId: z.string(), role: z.enum(["attendee", "organizer", "admin"], "Choose a role.") });

/** The use case checks the admin right and the last-admin rule; this only carries the form. */
export const changeRoleAction = action(roleForm, async ({ input, ctx }) => {
  const h = await headers();
  const { user } = await changeUserRole({ ctx, input: { ...input, client: { ip: clientIp(h), userAgent: userAgent(h) } } });
  revalidatePath("/admin/users");
  return { role: user.role };
});
