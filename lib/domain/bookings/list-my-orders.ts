import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import type { Ctx } from "@/lib/domain/context";
import { Unauthenticated } from "@/lib/domain/errors";
import { withOrderDetails } from "./order-view";
import { bookings, bookingStatus } from "./schema";

export const listMyOrdersInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: z.string().optional(),
  status: z.enum(bookingStatus.enumValues).optional(),
});

/** The acting user's orders, newest first, with their lines and tickets. */
export async function listMyOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listMyOrdersInput> }) {
  const i = listMyOrdersInput.parse(input);
  if (ctx.actor.type !== "user") throw new Unauthenticated();
  const rows = await ctx.db
    .select({ row: bookings, cursorAt: cursorTime(bookings.createdAt), id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.userId, ctx.actor.userId), i.status ? eq(bookings.status, i.status) : undefined, afterCursor(bookings.createdAt, bookings.id, i.cursor)))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: await withOrderDetails(ctx.db, page.map((p) => p.row)), nextCursor };
}
