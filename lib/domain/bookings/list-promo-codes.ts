import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { decodeOffsetCursor, encodeOffsetCursor } from "@/lib/domain/cursor";
import { loadEventToManage } from "./event-to-manage";
import { toPromoCodeView } from "./promo-code-view";
import { promoCodes } from "./schema";

export const listPromoCodesInput = z.object({
  eventId: z.string(),
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
});

/** The event's codes, newest first, each with how many live orders use it (owner, admin). */
export async function listPromoCodes({ ctx, input }: { ctx: Ctx; input: z.input<typeof listPromoCodesInput> }) {
  const i = listPromoCodesInput.parse(input);
  const inv = await loadEventToManage(ctx.db, ctx.actor, i.eventId);
  const offset = decodeOffsetCursor(i.cursor);
  const rows = await ctx.db
    .select()
    .from(promoCodes)
    .where(eq(promoCodes.eventId, inv.eventId))
    .orderBy(desc(promoCodes.createdAt), desc(promoCodes.id))
    .limit(i.limit + 1)
    .offset(offset);
  return {
    data: rows.slice(0, i.limit).map(toPromoCodeView),
    nextCursor: rows.length > i.limit ? encodeOffsetCursor(offset + i.limit) : null,
  };
}
