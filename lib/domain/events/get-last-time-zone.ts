import { desc, eq } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { DEFAULT_TIME_ZONE } from "@/lib/format/time-zone";
import { events } from "./schema";

/**
 * The zone of the caller's most recently created event, so a new event form starts where the
 * organizer usually works (a Lisbon venue's tenth event is in Lisbon too). UTC for a first event.
 */
export async function getLastTimeZone({ ctx }: { ctx: Ctx }): Promise<string> {
  if (ctx.actor.type !== "user") return DEFAULT_TIME_ZONE;
  // events_organizer_starts_at_idx narrows to the organizer's own events; they are few enough to sort.
  const [row] = await ctx.db
    .select({ timezone: events.timezone })
    .from(events)
    .where(eq(events.organizerId, ctx.actor.userId))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(1);
  return row?.timezone ?? DEFAULT_TIME_ZONE;
}
