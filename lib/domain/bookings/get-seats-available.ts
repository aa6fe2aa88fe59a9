import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory } from "./schema";
import { eventSeatsAvailable } from "./ticket-type-availability";

export const getSeatsAvailableInput = z.object({ eventIds: z.array(z.string()).max(1000) });

/**
 * Seats anyone can book now, per event (a primary-key lookup, plus the event's lapsed holds
 * through their partial index). Seats held for the waitlist are not available; seats of a hold
 * that lapsed are (ticket-type-availability.ts). Events without inventory are absent from the map.
 */
export async function getSeatsAvailable({ ctx, input }: { ctx: Ctx; input: z.input<typeof getSeatsAvailableInput> }) {
  const ids = [...new Set(getSeatsAvailableInput.parse(input).eventIds.filter(isUuid))];
  const available = new Map<string, number>();
  if (ids.length === 0) return available;
  const rows = await ctx.db
    .select({
      eventId: eventInventory.eventId,
      seats: eventSeatsAvailable(ctx.now()),
    })
    .from(eventInventory)
    .where(inArray(eventInventory.eventId, ids));
  for (const row of rows) available.set(row.eventId, row.seats);
  return available;
}
