"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { RateLimited, Unauthenticated } from "@/lib/domain/errors";
import { action } from "@/lib/web/action";
import { signIn, SignInRateLimited } from "@/lib/web/auth";
import { safeNext } from "../_components/safe-next";

const signInForm = z.object({
  email: z.string().trim().min(1, "Enter your email address."),
  password: z.string().min(1, "Enter your password."),
  next: z.string().optional(),
});

/** Rate limits, the password check and the session row all happen in the Credentials provider. */
export const signInAction = action(signInForm, async ({ input }) => {
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirectTo: safeNext(input.next) });
  } catch (error) {
    if (error instanceof SignInRateLimited) {
      throw new RateLimited(60, 0, new Date(Date.now() + 60_000), "Too many sign-in attempts. Wait a minute and try again.");
    }
    if (error instanceof CredentialsSignin) throw new Unauthenticated("INVALID_CREDENTIALS", "Email or password is incorrect.");
    if (error instanceof AuthError) throw new Unauthenticated("SIGN_IN_FAILED", "We could not sign you in. Please try again.");
    throw error;
  }
});
