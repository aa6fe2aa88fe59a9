import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { authorize, can } from "@/lib/domain/auth";
import type { Actor, Ctx } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventInventory, type EventInventory } from "./schema";
import { eventResource } from "./event-resource";

export const eventNotFound = () => new NotFound("EVENT_NOT_FOUND", "This event does not exist.");

/**
 * The event whose tickets an organizer wants to see or change, as events' own loader does: a
 * draft is 404 to everyone who may not manage it (its existence is not revealed), someone
 * else's public event is 403. `lock` takes the event's row first, as the lock order in
 * ORDERS-SPEC says (event, then ticket types by id, then promo codes), so management never
 * deadlocks with the order engine.
 */
export async function loadEventToManage(db: DbOrTx, actor: Actor, eventId: string, { lock = false } = {}): Promise<EventInventory> {
  if (!isUuid(eventId)) throw eventNotFound();
  const query = db.select().from(eventInventory).where(eq(eventInventory.eventId, eventId));
  const [inv] = lock ? await query.for("update") : await query;
  if (!inv || (inv.status === "draft" && !can(actor, "event:manage", eventResource(inv)))) throw eventNotFound();
  authorize(actor, "event:manage", eventResource(inv));
  return inv;
}

/** Tickets of a cancelled event are history: nothing about them changes any more. */
export function refuseIfCancelled(inv: EventInventory): void {
  if (inv.status === "cancelled") throw new Conflict("INVALID_STATE", "This event is cancelled, so its tickets can no longer change.");
}

export const checkEventManagerInput = z.object({ eventId: z.string() });

/**
 * Answers whether the actor may manage this event's tickets (404/403 otherwise), so a face can
 * check permission before it reads the body (API.md order of checks).
 */
export async function checkEventManager({ ctx, input }: { ctx: Ctx; input: z.input<typeof checkEventManagerInput> }): Promise<void> {
  await loadEventToManage(ctx.db, ctx.actor, checkEventManagerInput.parse(input).eventId);
}
