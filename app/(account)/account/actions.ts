"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { revokeSession, signOut as endSession } from "@/lib/domain/auth";
import { isDomainError } from "@/lib/domain/errors";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { signOut } from "@/lib/web/auth";
import { currentCtx } from "@/lib/web/current-actor";

async function client() {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}

/** Ends one of the user's sessions; ending this browser's own signs it out here too. */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") redirect("/sign-in?next=/account");
  const sessionId = String(formData.get("sessionId") ?? "");
  try {
    await revokeSession({ ctx, input: { sessionId, client: await client() } });
  } catch (error) {
    // Already ended elsewhere: the refreshed list says so.
    if (!isDomainError(error) || error.kind !== "NotFound") throw error;
  }
  if (sessionId === ctx.actor.sessionId) await signOut({ redirectTo: "/sign-in" });
  revalidatePath("/account");
}

/** Revokes the session row first (logged with this request's address), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const ctx = await currentCtx();
  if (ctx.actor.type === "user") await endSession({ ctx, input: { client: await client() } });
  await signOut({ redirectTo: "/" });
}
