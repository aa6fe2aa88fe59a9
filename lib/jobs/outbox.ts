import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { eventSchemas, isEventName } from "@/inngest/events";
import { outbox } from "./schema";

/** The channel an idle worker LISTENs on; a NOTIFY is delivered only when its transaction commits. */
export const JOBS_CHANNEL = "evently_jobs";

export type OutboxEvent = { id: string; name: string; data: Record<string, unknown>; requestId: string; occurredAt?: Date };

/** Checks `data` against the event's schema; an unknown name is a programming error too. */
export function validateEvent(name: string, data: unknown): Record<string, unknown> {
  if (!isEventName(name)) throw new Error(`Unknown event "${name}": declare it in lib/domain/<domain>/events.ts`);
  return eventSchemas[name].parse(data) as Record<string, unknown>;
}

/** Writes validated events and wakes the workers; an id seen before is a re-send and is skipped. */
export async function insertOutboxEvents(db: DbOrTx, events: OutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insert(outbox)
    .values(events.map((e) => ({ ...e, data: validateEvent(e.name, e.data) })))
    .onConflictDoNothing({ target: outbox.id });
  await db.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
}

/** Stamps rows as handed on (to this app's runs or to the Inngest server), so no one picks them up again. */
export async function markDispatched(db: DbOrTx, ids: string[]): Promise<void> {
  await db.update(outbox).set({ dispatchedAt: sql`now()` }).where(inArray(outbox.id, ids));
}

/** A stable uuid for a key (an Inngest event id that is not a uuid, a step's n-th event). */
export function uuidFromKey(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
