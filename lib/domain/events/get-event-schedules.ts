import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { events } from "./schema";

export const getEventSchedulesInput = z.object({ ids: z.array(z.string()).max(1000) });

/** What a ticket holder needs to find an event: its title, place, times and the zone they are told in. */
export type EventSchedule = {
  id: string;
  title: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  status: "draft" | "published" | "cancelled";
  /** An online event's join link: a caller hands it only to holders of a confirmed booking. */
  onlineUrl: string | null;
  /** What the organizer said when cancelling; null unless cancelled with a reason. */
  cancellationReason: string | null;
};

/**
 * Only the schedule columns of the given events, for messages about them (notifications);
 * unknown ids are left out. No visibility rule: callers name events their own rules tied to the actor.
 */
export async function getEventSchedules({ ctx, input }: { ctx: Ctx; input: z.input<typeof getEventSchedulesInput> }): Promise<EventSchedule[]> {
  const ids = [...new Set(getEventSchedulesInput.parse(input).ids.filter(isUuid))];
  if (ids.length === 0) return [];
  return ctx.db
    .select({ id: events.id, title: events.title, venue: events.venue, startsAt: events.startsAt, endsAt: events.endsAt, timezone: events.timezone, status: events.status, onlineUrl: events.onlineUrl, cancellationReason: events.cancellationReason })
    .from(events)
    .where(inArray(events.id, ids));
}
