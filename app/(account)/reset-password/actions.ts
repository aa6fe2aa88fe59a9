"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmPasswordReset, emailSchema, enforceAuthRateLimit, PASSWORD_MAX_LENGTH } from "@/lib/domain/auth";
import { isDomainError, Validation } from "@/lib/domain/errors";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

const resetForm = z.object({
  email: emailSchema,
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6 digits from the email."),
  password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export const resetPasswordAction = action(resetForm, async ({ input, ctx }) => {
  const h = await headers();
  const client = { ip: clientIp(h), userAgent: userAgent(h) };
  await enforceAuthRateLimit("password-reset-confirm", { ip: client.ip, email: input.email });
  try {
    await confirmPasswordReset({ ctx, input: { ...input, client } });
  } catch (error) {
    if (isDomainError(error) && error.code === "INVALID_CODE") {
      throw new Validation("INVALID_CODE", error.message, [{ path: "code", message: error.message }]);
    }
    throw error;
  }
  redirect(`/sign-in?reset=1&email=${encodeURIComponent(input.email)}`);
});
