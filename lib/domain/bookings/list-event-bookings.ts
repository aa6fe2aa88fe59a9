import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withItems } from "./booking-view";
import { afterCursor, cursorTime, toPage } from "@/lib/domain/cursor";
import { bookings, eventInventory } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

export const listEventBookingsInput = z.object({
  eventId: z.string(),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().optional(),
  status: z.enum(["confirmed", "cancelled"]).optional(),
});

/** An event's bookings with their tickets, newest first: the organizer's attendee list (and its CSV export). */
export async function listEventBookings({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEventBookingsInput> }) {
  const i = listEventBookingsInput.parse(input);
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
  return { data: await withItems(ctx.db, page.map((p) => p.row)), nextCursor };
}
