import { getCurrentUser, listApiTokens, listMySecurityEvents, listSessions } from "@/lib/domain/auth";
import { listMyBookings, listMyWaitlist } from "@/lib/domain/bookings";
import type { Ctx } from "@/lib/domain/context";
import { getEventsByIds, listEventIdsByOrganizer } from "@/lib/domain/events";

/** Every page of a cursor-paged self-scoped list. */
async function everyPage<T>(load: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Everything Evently stores about the caller (GDPR art. 15 and 20), asked of each domain
 * through its own self-scoped reads: the account, its sessions and API tokens (never secrets), bookings with their tickets,
 * waitlist entries, the events they organise, and the security log's entries about them.
 */
export async function exportAccountData({ ctx }: { ctx: Ctx }) {
  const { user } = await getCurrentUser({ ctx });
  const [sessions, apiTokens, bookings, waitlist, securityEvents, eventIds] = await Promise.all([
    listSessions({ ctx }),
    listApiTokens({ ctx }),
    everyPage((cursor) => listMyBookings({ ctx, input: { limit: 100, cursor } })),
    everyPage((cursor) => listMyWaitlist({ ctx, input: { limit: 100, cursor } })),
    listMySecurityEvents({ ctx }),
    listEventIdsByOrganizer({ ctx, input: { organizerId: user.id } }),
  ]);
  const organizedEvents = eventIds.length ? await getEventsByIds({ ctx, input: { ids: eventIds.slice(0, 1000) } }) : [];
  return {
    exportedAt: ctx.now(),
    user,
    sessions: sessions.data,
    apiTokens: apiTokens.data,
    bookings,
    waitlistEntries: waitlist,
    organizedEvents,
    securityEvents,
  };
}
