import { eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventResource } from "./event-resource";
import { bookingItems, bookings, eventInventory } from "./schema";

const ticketNotFound = () => new NotFound("NOT_FOUND", "Ticket not found.");

/**
 * One ticket with its order and event rules, locked for a change by its buyer: who may not see
 * the order gets NotFound (its existence stays hidden), the event's team gets Forbidden. Only a
 * confirmed order of a published event that has not started has tickets worth changing.
 */
export async function loadTicketToChange(ctx: Ctx, tx: Tx, ticketId: string) {
  if (ctx.actor.type === "anonymous") throw new Unauthenticated();
  if (!isUuid(ticketId)) throw ticketNotFound();
  // The ticket's row alone is locked (a join would also lock the event's seat counter).
  await tx.select({ id: bookingItems.id }).from(bookingItems).where(eq(bookingItems.id, ticketId)).for("update");
  const [row] = await tx
    .select({ ticket: bookingItems, order: bookings, event: eventInventory })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .innerJoin(eventInventory, eq(eventInventory.eventId, bookings.eventId))
    .where(eq(bookingItems.id, ticketId));
  // The event's organization decides who sees the order, as everywhere: its creator alone no longer does once it is in one.
  const resource = row && { userId: row.order.userId, ...eventResource(row.event) };
  if (!row || !can(ctx.actor, "booking:view", resource)) throw ticketNotFound();
  if (!can(ctx.actor, "ticket:manage", resource)) throw new Forbidden();
  if (row.order.status !== "confirmed") throw new Conflict("INVALID_STATE", "Only the tickets of a confirmed order can be changed.");
  if (row.event.status !== "published" || row.event.startsAt <= ctx.now()) {
    throw new Conflict("INVALID_STATE", "This event has started or is no longer on, so its tickets can no longer be changed.");
  }
  return row;
}
