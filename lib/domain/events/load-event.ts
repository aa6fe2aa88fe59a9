import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { authorize } from "@/lib/domain/auth";
import type { Actor } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { canView, eventColumns, eventResource, type EventRecord } from "./event-record";
import { events } from "./schema";

export const eventNotFound = () => new NotFound("EVENT_NOT_FOUND", "This event does not exist.");

export async function findEventRecord(db: DbOrTx, id: string): Promise<EventRecord | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(eventColumns).from(events).where(eq(events.id, id));
  return row ?? null;
}

/**
 * The event an organizer wants to change. A private draft is 404 to everyone who may not see
 * it (its existence is not revealed); a public event someone else owns is 403.
 */
export async function loadEventToManage(db: DbOrTx, actor: Actor, id: string): Promise<EventRecord> {
  const record = await findEventRecord(db, id);
  if (!record || !canView(actor, record)) throw eventNotFound();
  authorize(actor, "event:manage", eventResource(record));
  return record;
}
