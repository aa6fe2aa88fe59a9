import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { authorize } from "./policy";
import { userSessions } from "./schema";
import { idleCutoff } from "./session-lifetime";

export type SessionView = {
  id: string;
  kind: "web" | "api";
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string;
  ip: string;
  current: boolean;
};

/** The caller's live sessions, web and API alike, most recently used first; `current` marks this request's. */
export async function listSessions({ ctx }: { ctx: Ctx; input?: Record<string, never> }): Promise<{ data: SessionView[] }> {
  const actor = ctx.actor;
  authorize(actor, "account:manage");
  if (actor.type !== "user") return { data: [] };
  const now = ctx.now();
  const rows = await ctx.db
    .select({
      id: userSessions.id,
      kind: userSessions.kind,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      userAgent: userSessions.userAgent,
      ip: userSessions.ip,
    })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, actor.userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, now),
        gt(userSessions.lastSeenAt, idleCutoff(now)),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(100);
  return { data: rows.map((r) => ({ ...r, current: r.id === actor.sessionId })) };
}
