import type { DbOrTx } from "@/lib/db/client";
import type { Actor, Ctx } from "@/lib/domain/context";
import { auditLog, type AuditAction } from "./schema";

export type AuditEntry = {
  eventId: string;
  bookingId?: string | null;
  waitlistEntryId?: string | null;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export function actorIdOf(actor: Actor): string | null {
  return actor.type === "user" ? actor.userId : null;
}

/** Written with the change it describes (same transaction), so the trail never disagrees with the rows. */
export async function recordAudit(db: DbOrTx, ctx: Ctx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(
    entries.map((e) => ({
      eventId: e.eventId,
      bookingId: e.bookingId ?? null,
      waitlistEntryId: e.waitlistEntryId ?? null,
      action: e.action,
      actorId: actorIdOf(ctx.actor),
      before: e.before,
      after: e.after,
      requestId: ctx.requestId,
      at: ctx.now(),
    })),
  );
}
