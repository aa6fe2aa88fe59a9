import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { waitlistEntries } from "./schema";
import { offerOf, positionOf, toEntryView } from "./waitlist-view";

export const listMyWaitlistInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z.enum(["waiting", "booked", "left", "closed"]).optional(),
});

/** The acting user's entries, newest first, each with its current position. */
export async function listMyWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof listMyWaitlistInput> }) {
  const i = listMyWaitlistInput.parse(input);
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const rows = await ctx.db
    .select({ row: waitlistEntries, position: positionOf, offer: offerOf, cursorAt: cursorTime(waitlistEntries.createdAt), id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.userId, ctx.actor.userId),
        i.status ? eq(waitlistEntries.status, i.status) : undefined,
        afterCursor(waitlistEntries.createdAt, waitlistEntries.id, i.cursor),
      ),
    )
    .orderBy(desc(waitlistEntries.createdAt), desc(waitlistEntries.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: page.map((r) => toEntryView(r.row, r.position, r.offer)), nextCursor };
}
