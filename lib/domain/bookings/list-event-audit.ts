import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { auditLog, eventInventory } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

export const listEventAuditInput = z.object({ eventId: z.string(), limit: z.number().int().min(1).max(200).default(50) });

/** The latest booking and waitlist changes of one event, newest first (owner, admin). */
export async function listEventAudit({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventAuditInput> }) {
  const i = listEventAuditInput.parse(input);
  const [inv] = isUuid(i.eventId)
    ? await ctx.db.select(resourceColumns).from(eventInventory).where(eq(eventInventory.eventId, i.eventId))
    : [];
  if (!inv) throw new NotFound();
  authorize(ctx.actor, "booking:audit", eventResource(inv));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.eventId, i.eventId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(i.limit);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    actorId: r.actorId,
    bookingId: r.bookingId,
    waitlistEntryId: r.waitlistEntryId,
    before: r.before,
    after: r.after,
  }));
}
