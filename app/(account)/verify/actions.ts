"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { emailSchema, enforceAuthRateLimit, resendVerification, verifyEmail } from "@/lib/domain/auth";
import { isDomainError, Validation } from "@/lib/domain/errors";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

const verifyForm = z.object({
  email: emailSchema,
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6 digits from the email."),
});

export const verifyAction = action(verifyForm, async ({ input, ctx }) => {
  const h = await headers();
  const client = { ip: clientIp(h), userAgent: userAgent(h) };
  await enforceAuthRateLimit("verify", { ip: client.ip, email: input.email });
  try {
    await verifyEmail({ ctx, input: { ...input, client } });
  } catch (error) {
    if (isDomainError(error) && error.code === "INVALID_CODE") {
      throw new Validation("INVALID_CODE", error.message, [{ path: "code", message: error.message }]);
    }
    throw error;
  }
  redirect(`/sign-in?verified=1&email=${encodeURIComponent(input.email)}`);
});

export const resendAction = action(z.object({ email: emailSchema }), async ({ input, ctx }) => {
  await enforceAuthRateLimit("resend", { ip: clientIp(await headers()), email: input.email });
  await resendVerification({ ctx, input });
  return { email: input.email };
});
