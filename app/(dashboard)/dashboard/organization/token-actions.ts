"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { API_SCOPES, enforceAuthRateLimit } from "@/lib/domain/auth";
import { createOrganizationToken, revokeOrganizationToken } from "@/lib/domain/organizations";
import { clientIp } from "@/lib/http/client-info";
import { action } from "@/lib/web/action";
import { TOKEN_LIFETIMES } from "@/app/_components/api-tokens/token-lifetimes";

const PAGE = "/dashboard/organization";

// Each permission is its own checkbox (`scope:<name>`), since a form sends one value per name here.
const createTokenForm = z
  .object({
    organizationId: z.string(),
    name: z.string(),
    lifetime: z.enum(Object.keys(TOKEN_LIFETIMES) as [keyof typeof TOKEN_LIFETIMES], { error: "Choose how long the token works." }),
  })
  .catchall(z.string());

export const createOrganizationTokenAction = action(createTokenForm, async ({ input, ctx }) => {
  if (ctx.actor.type === "user") await enforceAuthRateLimit("api-token-create", { ip: clientIp(await headers()), userId: ctx.actor.userId });
  const scopes = API_SCOPES.filter((scope) => input[`scope:${scope}`] === "on");
  const expiresAt = input.lifetime === "never" ? undefined : new Date(ctx.now().getTime() + Number(input.lifetime) * 86_400_000).toISOString();
  const created = await createOrganizationToken({ ctx, input: { organizationId: input.organizationId, name: input.name, scopes, expiresAt } });
  revalidatePath(PAGE);
  return { name: created.name, token: created.token };
});

export const revokeOrganizationTokenAction = action(z.object({ organizationId: z.string(), tokenId: z.string() }), async ({ input, ctx }) => {
  await revokeOrganizationToken({ ctx, input });
  revalidatePath(PAGE);
  return { revoked: input.tokenId };
});
