import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { anonymous, type Actor, type Ctx, type UserActor } from "@/lib/domain/context";
import { requestIdFrom } from "@/lib/http/request-id";
import { withMemberships } from "@/lib/domain/organizations";
import { logger, loggerFor } from "@/lib/log/logger";
import { auth } from "./auth";

export type WebSession = { actor: UserActor; user: { id: string; name: string; email: string } };

/**
 * The signed-in user behind this render or server action, once per request: `auth()` checks
 * the session row (revoked → null) and reads role and verification from the user row.
 */
export const currentSession = cache(async (): Promise<WebSession | null> => {
  try {
    const session = await auth();
    if (!session?.sessionId || !session.user?.id) return null;
    const signedIn: UserActor = { type: "user", userId: session.user.id, role: session.role, emailVerified: session.emailVerified, sessionId: session.sessionId };
    const requestId = requestIdFrom(await headers());
    const actor = await withMemberships({ actor: signedIn, db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() }, signedIn);
    return {
      actor,
      user: { id: session.user.id, name: session.user.name ?? "", email: session.user.email ?? "" },
    };
  } catch (error) {
    // Next's own signals (dynamic rendering, redirects) must pass; only a real failure means "signed out".
    unstable_rethrow(error);
    logger.error({ err: error }, "auth.session_check_failed");
    return null;
  }
});

/** The actor behind the current page render or server action (the web session). */
export async function currentActor(): Promise<Actor> {
  return (await currentSession())?.actor ?? anonymous;
}

/** For pages that need a user: anonymous visitors go to sign in and come back to `path`. */
export async function requireSession(path: string): Promise<WebSession> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return session;
}

/** A use-case context for the current page render or server action. */
export async function currentCtx(): Promise<Ctx> {
  const requestId = requestIdFrom(await headers());
  return { actor: await currentActor(), db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() };
}
