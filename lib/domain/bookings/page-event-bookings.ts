import { and, desc, eq } from "drizzle-orm";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventResource, resourceColumns } from "./event-resource";
import { bookings, eventInventory, type BookingStatus } from "./schema";

/**
 * One page of an event's bookings (orders), newest first, for those who may see its orders: the
 * attendee list and the order list differ only in what they add to each row.
 */
export async function pageEventBookings(ctx: Ctx, i: { eventId: string; status?: BookingStatus; limit: number; cursor?: string }) {
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
  return { rows: page.map((p) => p.row), nextCursor };
}
