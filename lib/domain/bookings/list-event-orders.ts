import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withOrderDetails } from "./order-view";
import { bookingStatus, bookings, eventInventory } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

export const listEventOrdersInput = z.object({
  eventId: z.string(),
  status: z.enum(bookingStatus.enumValues).optional(),
  limit: z.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** An event's orders with their lines and payment status, newest first: the organizer's order list. */
export async function listEventOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventOrdersInput> }) {
  const i = listEventOrdersInput.parse(input);
  const [inv] = isUuid(i.eventId)
    ? await ctx.db.select(resourceColumns).from(eventInventory).where(eq(eventInventory.eventId, i.eventId))
    : [];
  if (!inv) throw new NotFound();
  authorize(ctx.actor, "order:view", eventResource(inv));
  const rows = await ctx.db
    .select({ row: bookings, cursorAt: cursorTime(bookings.createdAt), id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.eventId, i.eventId), i.status ? eq(bookings.status, i.status) : undefined, afterCursor(bookings.createdAt, bookings.id, i.cursor)))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(i.limit + 1);
  const { page, nextCursor } = toPage(rows, i.limit);
  return { data: await withOrderDetails(ctx.db, page.map((p) => p.row)), nextCursor };
}
