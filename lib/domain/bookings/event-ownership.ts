import type { DbOrTx } from "@/lib/db/client";
import { can } from "@/lib/domain/auth";
import type { Actor } from "@/lib/domain/context";
import { loadEventAtDoor } from "./ticket-at-door";

/** Whose an event is, as the policy judges it: its organization, or its organizer outside any. */
export type EventOwnership = { organizerId: string; organizationId: string | null };

/** Enough for every event of a long door night in one process; the oldest entry goes first. */
const MAX_EVENTS = 10_000;
const known = new Map<string, EventOwnership>();

/** Keeps what a statement just read of the event, so the next scan there can be judged before any query. */
export function rememberOwnership(eventId: string, ownership: EventOwnership): void {
  known.delete(eventId);
  known.set(eventId, { organizerId: ownership.organizerId, organizationId: ownership.organizationId });
  if (known.size > MAX_EVENTS) known.delete(known.keys().next().value!);
}

export function forgetOwnership(eventId: string): void {
  known.delete(eventId);
}

export function sameOwnership(a: EventOwnership, b: EventOwnership): boolean {
  return a.organizerId === b.organizerId && a.organizationId === b.organizationId;
}

/**
 * Whose the event is, for a scan the actor may make there, without a query once this process
 * has seen the event. A remembered owner is only a hint: the check-in statement writes nothing
 * unless the event still has that owner, and answers with the owner it has (see
 * check-in-statement.ts). A remembered owner that refuses the actor is read again before the
 * refusal stands, since the event may have moved into one of the actor's organizations. Unknown
 * events are read (404, 403 as `loadEventAtDoor` answers) and remembered.
 */
export async function ownershipToScan(db: DbOrTx, actor: Actor, eventId: string): Promise<EventOwnership> {
  const remembered = known.get(eventId);
  if (remembered && can(actor, "checkin:scan", remembered)) return remembered;
  const current = await loadEventAtDoor(db, actor, eventId, "checkin:scan");
  rememberOwnership(eventId, current);
  return current;
}
