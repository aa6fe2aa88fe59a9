import type { DbOrTx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import type { ClientInfo } from "./client-info";
import { securityEvents, type SecurityEventType } from "./schema";

export type SecurityEventInput = {
  type: SecurityEventType;
  userId?: string | null;
  sessionId?: string | null;
  email?: string | null;
  client?: ClientInfo;
  details?: Record<string, unknown>;
};

/**
 * Appends to the security log (admins read it) and logs the same fact. Written with `db`,
 * which is the caller's transaction when the fact must commit with a change, or the pool
 * when it must survive a refusal (a failed sign-in is recorded, then the 401 is thrown).
 */
export async function recordSecurityEvent(db: DbOrTx, ctx: Ctx, event: SecurityEventInput): Promise<void> {
  const actorId = ctx.actor.type === "user" ? ctx.actor.userId : null;
  await db.insert(securityEvents).values({
    type: event.type,
    userId: event.userId ?? null,
    actorId,
    sessionId: event.sessionId ?? null,
    email: event.email ?? null,
    ip: event.client?.ip ?? "",
    userAgent: event.client?.userAgent ?? "",
    requestId: ctx.requestId,
    details: event.details ?? {},
  });
  ctx.log.info(
    { userId: event.userId, actorId, sessionId: event.sessionId, ip: event.client?.ip, ...event.details },
    `auth.${event.type}`,
  );
}
