import { desc, eq } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { securityEvents } from "./schema";
import { signedInUser } from "./signed-in-user";

/** The security log's entries about the caller, newest first (for their data export; at most 1,000). */
export async function listMySecurityEvents({ ctx }: { ctx: Ctx; input?: Record<string, never> }) {
  const { user } = await signedInUser(ctx);
  const rows = await ctx.db.select().from(securityEvents).where(eq(securityEvents.userId, user.id)).orderBy(desc(securityEvents.createdAt)).limit(1000);
  return rows.map((r) => ({ type: r.type, at: r.createdAt, ip: r.ip, userAgent: r.userAgent, sessionId: r.sessionId, details: r.details }));
}
