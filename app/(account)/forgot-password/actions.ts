"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { emailSchema, enforceAuthRateLimit, requestPasswordReset } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

export const forgotPasswordAction = action(z.object({ email: emailSchema }), async ({ input, ctx }) => {
  await enforceAuthRateLimit("password-reset", { ip: clientIp(await headers()), email: input.email });
  await requestPasswordReset({ ctx, input });
  return { email: input.email };
});
