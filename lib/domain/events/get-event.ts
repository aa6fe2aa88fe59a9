import { z } from "zod";
import { isTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { eventCache } from "./event-cache";
import { eventRecordCodec } from "./event-json";
import { canView, type Event, type EventRecord } from "./event-record";
import { withSalesOne } from "./event-sales";
import { eventNotFound, findEventRecord } from "./load-event";

export const getEventInput = z.object({ id: z.string() });

/** Inside a transaction the caller wants what it can lock and change, so the cache is skipped. */
function readEventRecord(ctx: Ctx, id: string): Promise<EventRecord | null> {
  if (isTransaction(ctx.db)) return findEventRecord(ctx.db, id);
  return eventCache().event(id, () => findEventRecord(ctx.db, id), eventRecordCodec);
}

/**
 * The event if it exists and the actor may see it, else null. The event itself may come from
 * the cache; its seats never do (one primary-key read in the bookings domain).
 */
export async function getEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof getEventInput> }): Promise<Event | null> {
  const { id } = getEventInput.parse(input);
  const record = await readEventRecord(ctx, id);
  if (!record || !canView(ctx.actor, record)) return null;
  return withSalesOne(ctx, record);
}

export async function getEventOrThrow(args: { ctx: Ctx; input: z.input<typeof getEventInput> }): Promise<Event> {
  const event = await getEvent(args);
  if (!event) throw eventNotFound();
  return event;
}
