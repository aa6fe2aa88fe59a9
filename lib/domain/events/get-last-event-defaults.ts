import { and, desc, eq, isNull } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { DEFAULT_CURRENCY } from "@/lib/format/currency";
import { DEFAULT_TIME_ZONE } from "@/lib/format/time-zone";
import { homeOrganization } from "./create-event";
import { events } from "./schema";

export type EventDefaults = { timezone: string; currency: string };

/**
 * The zone and currency of the most recently created event of the organization the caller's new
 * event goes into (their own events when they work outside any), so a new event form starts
 * where the team usually works (a Lisbon venue's tenth event is in Lisbon, in euros, too).
 * UTC and USD for a first event.
 */
export async function getLastEventDefaults({ ctx }: { ctx: Ctx }): Promise<EventDefaults> {
  const fallback = { timezone: DEFAULT_TIME_ZONE, currency: DEFAULT_CURRENCY };
  if (ctx.actor.type !== "user") return fallback;
  const organizationId = homeOrganization(ctx.actor);
  // events_organization_starts_at_idx (or events_organizer_starts_at_idx) narrows to the team's events; they are few enough to sort.
  const whose = organizationId ? eq(events.organizationId, organizationId) : and(eq(events.organizerId, ctx.actor.userId), isNull(events.organizationId));
  const [row] = await ctx.db
    .select({ timezone: events.timezone, currency: events.currency })
    .from(events)
    .where(whose)
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(1);
  return row ?? fallback;
}
