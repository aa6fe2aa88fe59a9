"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { deleteAccount } from "@/lib/account";
import { enforceAuthRateLimit } from "@/lib/domain/auth";
import { isDomainError, Validation } from "@/lib/domain/errors";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";
import { signOut } from "@/lib/web/auth";

const deleteForm = z.object({
  password: z.string().min(1, "Enter your password.").max(1024),
  confirm: z.literal("on", { error: "Tick the box to confirm." }),
});

export const deleteAccountAction = action(deleteForm, async ({ input, ctx }) => {
  const h = await headers();
  const client = { ip: clientIp(h), userAgent: userAgent(h) };
  if (ctx.actor.type === "user") await enforceAuthRateLimit("reauth", { ip: client.ip, userId: ctx.actor.userId });
  try {
    await deleteAccount({ ctx, input: { password: input.password, client } });
  } catch (error) {
    if (isDomainError(error) && error.code === "INVALID_CREDENTIALS") {
      throw new Validation("INVALID_CREDENTIALS", "That password is not right.", [{ path: "password", message: "That password is not right." }]);
    }
    throw error;
  }
  await signOut({ redirectTo: "/sign-in?deleted=1" });
});
