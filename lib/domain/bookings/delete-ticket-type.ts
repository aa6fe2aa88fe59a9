import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { pgErrorOf } from "./pg-error";
import { orderLines, promoCodes, ticketTypes } from "./schema";
import { lockTicketType } from "./ticket-type-to-manage";

export const deleteTicketTypeInput = z.object({ eventId: z.string(), ticketTypeId: z.string() });

const inUse = () =>
  new Conflict("TICKET_TYPE_IN_USE", "Orders already include this ticket type, so it cannot be deleted. Stop its sales instead.");

/**
 * Deletes a type no order ever named (owner, admin); promo codes restricted to it forget it
 * (a code left with no types unlocks nothing, rather than every type).
 * The event's last type on sale stays, so the event always has something to sell. The order
 * lines' foreign key is the last word: an order that raced in makes the delete a conflict.
 */
export async function deleteTicketType({ ctx, input }: { ctx: Ctx; input: z.input<typeof deleteTicketTypeInput> }): Promise<void> {
  const { eventId, ticketTypeId } = deleteTicketTypeInput.parse(input);
  try {
    await withTransaction(ctx, async (tx) => {
      const inv = await loadEventToManage(tx, ctx.actor, eventId, { lock: true });
      refuseIfCancelled(inv);
      const current = await lockTicketType(tx, inv.eventId, ticketTypeId);
      const [line] = await tx.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.ticketTypeId, current.id)).limit(1);
      if (line || current.sold > 0) throw inUse();
      const [other] = await tx
        .select({ id: ticketTypes.id })
        .from(ticketTypes)
        .where(and(eq(ticketTypes.eventId, inv.eventId), ne(ticketTypes.id, current.id), isNull(ticketTypes.retiredAt)))
        .limit(1);
      if (!other) throw new Conflict("LAST_TICKET_TYPE", "An event needs at least one ticket type on sale. Add another before deleting this one.");
      await tx
        .update(promoCodes)
        .set({ ticketTypeIds: sql`array_remove(${promoCodes.ticketTypeIds}, ${current.id}::uuid)` })
        .where(and(eq(promoCodes.eventId, inv.eventId), sql`${current.id}::uuid = any(${promoCodes.ticketTypeIds})`));
      await tx.delete(ticketTypes).where(eq(ticketTypes.id, current.id));
    });
  } catch (error) {
    if (pgErrorOf(error)?.code === "23503") throw inUse();
    throw error;
  }
  ctx.log.info({ eventId, ticketTypeId }, "ticket_type.deleted");
}
