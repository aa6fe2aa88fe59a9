import { redirect } from "next/navigation";
import { can, type Action } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { currentCtx } from "@/lib/web/current-actor";
import { viewerLocale } from "./viewer-locale";

export type Viewer = { ctx: Ctx; locale: string; allowed: boolean };

/**
 * Who is looking at an analytics page, as a use-case context plus their locale. Anonymous
 * visitors are sent to sign in and come back; `allowed` says whether they may see `action`
 * (attendees get a friendly page instead of numbers).
 */
export async function analyticsViewer(path: string, action: Action = "analytics:read"): Promise<Viewer> {
  const ctx = await currentCtx();
  if (ctx.actor.type !== "user") redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return { ctx, locale: await viewerLocale(), allowed: can(ctx.actor, action) };
}
