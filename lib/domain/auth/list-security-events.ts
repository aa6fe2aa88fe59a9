import { and, desc, eq, getTableColumns, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { normalizeEmail } from "./email";
import { authorize } from "./policy";
import { securityEvents, securityEventType } from "./schema";

export const listSecurityEventsInput = z.object({
  type: z.enum(securityEventType.enumValues).optional(),
  userId: z.string().optional(),
  email: z.string().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export type SecurityEventView = typeof securityEvents.$inferSelect;

/** Admins: the security log, newest first, filtered by type, user or email. */
export async function listSecurityEvents({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof listSecurityEventsInput>;
}): Promise<{ data: SecurityEventView[]; nextCursor: string | null }> {
  authorize(ctx.actor, "security-log:read");
  const { type, userId, email, limit, cursor } = listSecurityEventsInput.parse(input);
  if (userId !== undefined && !isUuid(userId)) return { data: [], nextCursor: null };
  const filters: (SQL | undefined)[] = [
    type ? eq(securityEvents.type, type) : undefined,
    userId ? eq(securityEvents.userId, userId) : undefined,
    email ? eq(securityEvents.email, normalizeEmail(email)) : undefined,
    afterCursor(securityEvents.createdAt, securityEvents.id, cursor),
  ];
  const rows = await ctx.db
    .select({ ...getTableColumns(securityEvents), cursorAt: cursorTime(securityEvents.createdAt) })
    .from(securityEvents)
    .where(and(...filters))
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(limit + 1);
  const { page, nextCursor } = toPage(rows, limit);
  return { data: page, nextCursor };
}
