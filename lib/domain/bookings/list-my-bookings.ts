import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { withItems } from "./booking-view";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { bookings, bookingStatus } from "./schema";

export const listMyBookingsInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z.enum(bookingStatus.enumValues).optional(),
});

/** The acting user's bookings, newest first, with their tickets. */
export async function listMyBookings({ ctx, input }: { ctx: Ctx; input: z.input<typeof listMyBookingsInput> }) {
  const i = listMyBookingsInput.parse(input);
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const rows = await ctx.db
    .select({ row: bookings, cursorAt: cursorTime(bookings.createdAt), id: bookings.id })
    .from(bookings)
    .where(
      and(
        eq(bookings.userId, ctx.actor.userId),
        i.status ? eq(bookings.status, i.status) : undefined,
        afterCursor(bookings.createdAt, bookings.id, i.cursor),
      ),
    )
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: await withItems(ctx.db, page.map((p) => p.row)), nextCursor };
}
