"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { enforceAuthRateLimit, registerUserInput, registerUser } from "@/lib/domain/auth";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

/** Same answer whether or not the address has an account: on to the code page either way. */
export const signUpAction = action(registerUserInput, async ({ input, ctx }) => {
  await enforceAuthRateLimit("register", { ip: clientIp(await headers()), email: input.email });
  await registerUser({ ctx, input });
  redirect(`/verify?email=${encodeURIComponent(input.email)}`);
});
