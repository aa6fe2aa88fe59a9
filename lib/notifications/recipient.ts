import { getUsersByIds, type UserSummary } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { getEventSchedules } from "@/lib/domain/events";

/** The event as messages show it: times as ISO 8601 instants, formatted by the templates in the event's zone. */
export type ScheduleForMail = { title: string; venue: string; startsAt: string; endsAt: string; timezone: string };

/** `onlineUrl` stays apart from `event`: only the messages that carry tickets may pass it on. */
export type Recipient = { user: UserSummary; event: ScheduleForMail; onlineUrl: string | null; cancellationReason: string | null };

/**
 * Who to tell and which event it is about, read at once from the auth and events domains (both
 * ids come with the fact). Null when either is gone: there is nobody, or nothing, to tell about.
 */
export async function recipientOf(ctx: Ctx, { userId, eventId }: { userId: string; eventId: string }): Promise<Recipient | null> {
  const [[user], [event]] = await Promise.all([
    getUsersByIds({ ctx, input: { ids: [userId] } }),
    getEventSchedules({ ctx, input: { ids: [eventId] } }),
  ]);
  if (!user || !event) return null;
  return {
    user,
    event: { title: event.title, venue: event.venue, startsAt: event.startsAt.toISOString(), endsAt: event.endsAt.toISOString(), timezone: event.timezone },
    onlineUrl: event.onlineUrl,
    cancellationReason: event.cancellationReason,
  };
}
