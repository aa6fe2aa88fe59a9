import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { getBookingOrThrow } from "./load-booking";
import { auditLog } from "./schema";

export const getBookingAuditInput = z.object({ id: z.string() });

export type AuditView = { at: string; action: string; actorId: string | null; before: unknown; after: unknown };

/** The booking's trail, oldest first: for the event's organizer and admins only. */
export async function getBookingAudit({ ctx, input }: { ctx: Ctx; input: z.input<typeof getBookingAuditInput> }): Promise<AuditView[]> {
  const { id } = getBookingAuditInput.parse(input);
  await getBookingOrThrow(ctx, id, "booking:audit");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.bookingId, id))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({ at: r.at.toISOString(), action: r.action, actorId: r.actorId, before: r.before, after: r.after }));
}
