import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { eventColumns, type EventRecord } from "./event-record";
import { events } from "./schema";

export const getEventsByIdsInput = z.object({ ids: z.array(z.string()).max(1000) });

/**
 * Titles, owners and times for other domains' lists (bookings, analytics). No visibility rule
 * here: callers list only events their own rules already tied to the actor.
 */
export async function getEventsByIds({ ctx, input }: { ctx: Ctx; input: z.input<typeof getEventsByIdsInput> }): Promise<EventRecord[]> {
  const ids = [...new Set(getEventsByIdsInput.parse(input).ids.filter(isUuid))];
  if (ids.length === 0) return [];
  return ctx.db.select(eventColumns).from(events).where(inArray(events.id, ids));
}
