"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z, ZodError } from "zod";
import { API_SCOPES, createApiToken, enforceAuthRateLimit, revokeApiToken } from "@/lib/domain/auth";
import { isDomainError, Validation } from "@/lib/domain/errors";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";
import { TOKEN_LIFETIMES } from "@/app/_components/api-tokens/token-lifetimes";
import { currentCtx } from "@/lib/web/current-actor";

async function client() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}

// Each permission is its own checkbox (`scope:<name>`), since a form sends one value per name here.
const createTokenForm = z
  .object({
    label: z.string(),
    lifetime: z.enum(Object.keys(TOKEN_LIFETIMES) as [keyof typeof TOKEN_LIFETIMES], { error: "Choose how long the token works." }),
  })
  .catchall(z.string());

export const createApiTokenAction = action(createTokenForm, async ({ input, ctx }) => {
  const from = await client();
  if (ctx.actor.type === "user") await enforceAuthRateLimit("api-token-create", { ip: from.ip, userId: ctx.actor.userId });
  const scopes = API_SCOPES.filter((scope) => input[`scope:${scope}`] === "on");
  const expiresAt = input.lifetime === "never" ? undefined : new Date(ctx.now().getTime() + Number(input.lifetime) * 86_400_000).toISOString();
  let created;
  try {
    created = await createApiToken({ ctx, input: { name: input.label, scopes, expiresAt, client: from } });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    // The domain calls it `name`; on the account page that id belongs to the rename form, and a
    // field named like "token" would not be echoed back after a refusal.
    const fields = error.issues.map((i) => ({ path: i.path[0] === "name" ? "label" : String(i.path[0] ?? "form"), message: i.message }));
    throw new Validation("VALIDATION_FAILED", "Check the highlighted fields.", fields);
  }
  revalidatePath("/account");
  return { name: created.name, token: created.token };
});

/** Revokes one of the user's API tokens; one already gone simply drops off the refreshed list. */
export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") return;
  try {
    await revokeApiToken({ ctx, input: { tokenId: String(formData.get("tokenId") ?? ""), client: await client() } });
  } catch (error) {
    if (!isDomainError(error) || error.kind !== "NotFound") throw error;
  }
  revalidatePath("/account");
}
