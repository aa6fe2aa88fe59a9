import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { bookingItems, bookings } from "./schema";
import { loadEventAtDoor } from "./ticket-at-door";

export const listTicketCheckInsInput = z.object({ eventId: z.string(), orderIds: z.array(z.string()).max(500) });

/** When each checked-in ticket of these orders of the event got in (the attendee list's column); tickets not in are left out. */
export async function listTicketCheckIns({ ctx, input }: { ctx: Ctx; input: z.input<typeof listTicketCheckInsInput> }): Promise<Map<string, Date>> {
  const { eventId, orderIds } = listTicketCheckInsInput.parse(input);
  await loadEventAtDoor(ctx.db, ctx.actor, eventId, "checkin:scan");
  const ids = orderIds.filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: bookingItems.id, checkedInAt: bookingItems.checkedInAt })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .where(and(eq(bookings.eventId, eventId), inArray(bookingItems.bookingId, ids), isNotNull(bookingItems.checkedInAt)));
  return new Map(rows.map((r) => [r.id, r.checkedInAt!]));
}
