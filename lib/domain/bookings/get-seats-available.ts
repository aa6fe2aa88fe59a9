import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory } from "./schema";

export const getSeatsAvailableInput = z.object({ eventIds: z.array(z.string()).max(1000) });

/**
 * Seats anyone can book now, per event (one primary-key lookup). Seats held for the waitlist
 * are not available. Events without inventory are absent from the map.
 */
export async function getSeatsAvailable({ ctx, input }: { ctx: Ctx; input: z.input<typeof getSeatsAvailableInput> }) {
  const ids = [...new Set(getSeatsAvailableInput.parse(input).eventIds.filter(isUuid))];
  const available = new Map<string, number>();
  if (ids.length === 0) return available;
  const rows = await ctx.db
    .select({
      eventId: eventInventory.eventId,
      seats: sql<number>`(${eventInventory.capacity} - ${eventInventory.sold} - ${eventInventory.held})::int`,
    })
    .from(eventInventory)
    .where(inArray(eventInventory.eventId, ids));
  for (const row of rows) available.set(row.eventId, row.seats);
  return available;
}
