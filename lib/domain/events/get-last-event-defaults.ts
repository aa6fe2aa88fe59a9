import { desc, eq } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { DEFAULT_CURRENCY } from "@/lib/format/currency";
import { DEFAULT_TIME_ZONE } from "@/lib/format/time-zone";
import { events } from "./schema";

export type EventDefaults = { timezone: string; currency: string };

/**
 * The zone and currency of the caller's most recently created event, so a new event form starts
 * where the organizer usually works (a Lisbon venue's tenth event is in Lisbon, in euros, too).
 * UTC and USD for a first event.
 */
export async function getLastEventDefaults({ ctx }: { ctx: Ctx }): Promise<EventDefaults> {
  const fallback = { timezone: DEFAULT_TIME_ZONE, currency: DEFAULT_CURRENCY };
  if (ctx.actor.type !== "user") return fallback;
  // events_organizer_starts_at_idx narrows to the organizer's own events; they are few enough to sort.
  const [row] = await ctx.db
    .select({ timezone: events.timezone, currency: events.currency })
    .from(events)
    .where(eq(events.organizerId, ctx.actor.userId))
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(1);
  return row ?? fallback;
}
