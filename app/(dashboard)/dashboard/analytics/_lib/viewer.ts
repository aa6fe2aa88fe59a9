import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { can } from "@/lib/domain/auth/policy";
import type { Action } from "@/lib/domain/auth/policy";
import type { Ctx } from "@/lib/domain/context";
import { requestIdFrom } from "@/lib/http/request-id";
import { loggerFor } from "@/lib/log/logger";
import { currentActor } from "@/lib/web/current-actor";
import { viewerLocale } from "./viewer-locale";

export type Viewer = { ctx: Ctx; locale: string; allowed: boolean };

/**
 * Who is looking at an analytics page, as a use-case context plus their locale. Anonymous
 * visitors are sent to sign in and come back; `allowed` says whether they may see `action`
 * (attendees get a friendly page instead of numbers).
 */
export async function analyticsViewer(path: string, action: Action = "analytics:read"): Promise<Viewer> {
  const actor = await currentActor();
  if (actor.type !== "user") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const requestId = requestIdFrom(await headers());
  const ctx: Ctx = { actor, db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() };
  return { ctx, locale: await viewerLocale(), allowed: can(actor, action) };
}
