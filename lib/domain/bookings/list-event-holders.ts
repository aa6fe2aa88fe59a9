import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { bookings } from "./schema";

export const listEventHoldersInput = z.object({
  eventId: z.uuid(),
  /** Keyset cursor over holder user ids; null for the first page. */
  afterUserId: z.uuid().nullable(),
  limit: z.number().int().min(1).max(500),
});

/**
 * The users holding a confirmed booking for the event, each once however many bookings they
 * hold, in user id order from `afterUserId`: a job walks them page by page without skipping or
 * repeating anyone. For the jobs that tell holders about the event (notifications).
 */
export async function listEventHolders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventHoldersInput> }): Promise<string[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const i = listEventHoldersInput.parse(input);
  const rows = await ctx.db
    .selectDistinct({ userId: bookings.userId })
    .from(bookings)
    .where(and(eq(bookings.eventId, i.eventId), eq(bookings.status, "confirmed"), i.afterUserId ? gt(bookings.userId, i.afterUserId) : undefined))
    .orderBy(asc(bookings.userId))
    .limit(i.limit);
  return rows.map((r) => r.userId);
}
