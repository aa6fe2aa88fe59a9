import { randomUUID } from "node:crypto";
import type { Role, UserActor } from "@/lib/domain/context";
import { getRedis } from "@/lib/redis/client";
import { resetDatabase, testCtx } from "@/tests/harness/db";
import { createEvent } from "./create-event";
import type { Event } from "./event-record";
import { getEventOrThrow } from "./get-event";
import { publishEvent } from "./publish-event";

/** Small factories for tests: actors (no user rows needed, other schemas are not joined) and events. */
export function userActor(role: Role, overrides: Partial<UserActor> = {}): UserActor {
  return { type: "user", userId: randomUUID(), role, emailVerified: true, sessionId: null, ...overrides };
}

const HOUR = 3_600_000;

/** Empty tables and this worker's Redis database, so no cached page outlives the rows it showed. */
export async function resetEventsState(): Promise<void> {
  await resetDatabase();
  await getRedis()?.flushdb();
}

export function eventInput(overrides: Record<string, unknown> = {}) {
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR);
  return {
    title: "Jazz Night at the Blue Room",
    description: "Late set with the house trio.",
    venue: "Blue Room, Lisbon",
    category: "music",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * HOUR).toISOString(),
    capacity: 100,
    priceCents: 2500,
    currency: "EUR",
    ...overrides,
  };
}

export async function draftEvent(owner: UserActor, overrides: Record<string, unknown> = {}): Promise<Event> {
  return createEvent({ ctx: testCtx(owner), input: eventInput(overrides) });
}

export async function publishedEvent(owner: UserActor, overrides: Record<string, unknown> = {}): Promise<Event> {
  const draft = await draftEvent(owner, overrides);
  // An event that has ended was published before it started: publishing it now is refused.
  const publishedAt = new Date(Math.min(Date.now(), new Date(draft.startsAt).getTime() - 1000));
  await publishEvent({ ctx: testCtx(owner, { now: () => publishedAt }), input: { id: draft.id } });
  return getEventOrThrow({ ctx: testCtx(owner), input: { id: draft.id } });
}
