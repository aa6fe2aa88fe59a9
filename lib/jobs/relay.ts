import { asc, isNull } from "drizzle-orm";
import { Inngest } from "inngest";
import type { Db } from "@/lib/db/client";
import { inngestCircuit } from "@/lib/resilience/circuits";
import { toInngestEvent, type InngestEventPayload } from "./event-payload";
import type { InngestServer } from "./inngest-server";
import { markDispatched } from "./outbox";
import { outbox } from "./schema";

export type SendToInngest = (events: InngestEventPayload[]) => Promise<void>;

/** A bare client for the relay: the app's client would write the events back into the outbox. */
export function inngestSender(server: InngestServer): SendToInngest {
  const client = new Inngest({ id: "evently", eventKey: server.eventKey, baseUrl: server.baseUrl, isDev: server.isDev });
  // Through the Inngest circuit: while the server is down the relay stops trying for a few
  // seconds at a time, and the rows wait in the outbox.
  return async (events) => {
    await inngestCircuit().execute(() => client.send(events));
  };
}

/**
 * Hands undispatched outbox rows to the Inngest server, then marks them. No lock is held across
 * the network call: if two processes (or a crash and a restart) send the same row, Inngest drops
 * the second copy because the event id is the outbox id.
 */
export async function relayOutbox(db: Db, send: SendToInngest, batchSize = 100): Promise<number> {
  const rows = await db
    .select()
    .from(outbox)
    .where(isNull(outbox.dispatchedAt))
    .orderBy(asc(outbox.occurredAt))
    .limit(batchSize);
  if (rows.length === 0) return 0;
  await send(rows.map(toInngestEvent));
  await markDispatched(db, rows.map((r) => r.id));
  return rows.length;
}
