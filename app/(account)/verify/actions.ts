"use server";

import { headers } from "next/headers";
import { CredentialsSignin } from "next-auth";
import { z } from "zod";
import { emailSchema, enforceAuthRateLimit, resendVerification } from "@/lib/domain/auth";
import { RateLimited, Validation } from "@/lib/domain/errors";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";
import { signIn, SignInRateLimited } from "@/lib/web/auth";

const verifyForm = z.object({
  email: emailSchema,
  code: z.string().trim().regex(/^\d{6}$/, "Enter the 6 digits from the email."),
});

const INVALID_CODE = "That code is wrong or has expired. Request a new one.";

/** The code is checked, and the account signed in, by the "email-code" provider (rate limit included). */
export const verifyAction = action(verifyForm, async ({ input }) => {
  try {
    await signIn("email-code", { email: input.email, code: input.code, redirectTo: "/account?verified=1" });
  } catch (error) {
    if (error instanceof SignInRateLimited) {
      throw new RateLimited(60, 0, new Date(Date.now() + 60_000), "Too many attempts. Wait a minute and try again.");
    }
    if (error instanceof CredentialsSignin) throw new Validation("INVALID_CODE", INVALID_CODE, [{ path: "code", message: INVALID_CODE }]);
    throw error;
  }
});

export const resendAction = action(z.object({ email: emailSchema }), async ({ input, ctx }) => {
  await enforceAuthRateLimit("resend", { ip: clientIp(await headers()), email: input.email });
  await resendVerification({ ctx, input });
  return { email: input.email };
});
