import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import type { EventData, EventName } from "@/inngest/events";
import { insertOutboxEvents } from "./outbox";

export type EmitInput<N extends EventName> = { name: N; data: EventData<N>; requestId: string };

/**
 * Records a domain fact in the outbox, inside the caller's transaction: it exists if and only
 * if the change that caused it commits. Functions triggered by `name` run after the commit.
 * Returns the event id (also its Inngest event id).
 */
export async function emit<N extends EventName>(tx: Tx, { name, data, requestId }: EmitInput<N>): Promise<string> {
  const id = randomUUID();
  await insertOutboxEvents(tx, [{ id, name, data, requestId }]);
  return id;
}
