"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  confirmEmailChange,
  emailSchema,
  enforceAuthRateLimit,
  PASSWORD_MAX_LENGTH,
  requestEmailChange,
  updateProfile,
  userNameSchema,
} from "@/lib/domain/auth";
import { isDomainError, Validation } from "@/lib/domain/errors";
import type { Ctx } from "@/lib/domain/context";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";

async function client() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}

async function limitReauth(ctx: Ctx, ip: string): Promise<void> {
  if (ctx.actor.type === "user") await enforceAuthRateLimit("reauth", { ip, userId: ctx.actor.userId });
}

/** A wrong password or code is shown on its field, not above the form. */
function onField(error: unknown, code: string, path: string): unknown {
  if (isDomainError(error) && error.code === code) return new Validation(code, error.message, [{ path, message: error.message }]);
  return error;
}

export const renameAction = action(z.object({ name: userNameSchema }), async ({ input, ctx }) => {
  const { user } = await updateProfile({ ctx, input: { name: input.name, client: await client() } });
  revalidatePath("/account");
  return { name: user.name };
});

const passwordForm = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  password: z.string().max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});

export const changePasswordAction = action(passwordForm, async ({ input, ctx }) => {
  const from = await client();
  await limitReauth(ctx, from.ip);
  try {
    await updateProfile({ ctx, input: { ...input, client: from } });
  } catch (error) {
    throw onField(error, "INVALID_CREDENTIALS", "currentPassword");
  }
  revalidatePath("/account");
  return { changed: true };
});

const emailForm = z.object({ email: emailSchema, password: z.string().min(1, "Enter your password.").max(1024) });

export const requestEmailChangeAction = action(emailForm, async ({ input, ctx }) => {
  const from = await client();
  await limitReauth(ctx, from.ip);
  await enforceAuthRateLimit("email-change", { ip: from.ip, email: input.email });
  try {
    await requestEmailChange({ ctx, input });
  } catch (error) {
    throw onField(error, "INVALID_CREDENTIALS", "password");
  }
  return { email: input.email };
});

const codeForm = z.object({ code: z.string().trim().regex(/^\d{6}$/, "Enter the 6 digits from the email.") });

export const confirmEmailChangeAction = action(codeForm, async ({ input, ctx }) => {
  const from = await client();
  if (ctx.actor.type === "user") await enforceAuthRateLimit("email-change-confirm", { ip: from.ip, userId: ctx.actor.userId });
  try {
    const { user } = await confirmEmailChange({ ctx, input: { code: input.code, client: from } });
    revalidatePath("/account");
    return { email: user.email };
  } catch (error) {
    throw onField(error, "INVALID_CODE", "code");
  }
});
