import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { readTicketTypes } from "./read-ticket-types";
import { ticketTypes } from "./schema";
import type { TicketTypeView } from "./ticket-type-view";

export const reorderTicketTypesBody = z.object({
  ticketTypeIds: z.array(z.uuid()).min(1).max(100).describe("Every type of the event (retired ones too), in the order the page shows them"),
});
export const reorderTicketTypesInput = reorderTicketTypesBody.extend({ eventId: z.string() });

/**
 * Puts the event's types in the given order (owner, admin). The list must name each type once:
 * a list made from a stale page (a type added or deleted since) is refused, not half applied.
 */
export async function reorderTicketTypes({ ctx, input }: { ctx: Ctx; input: z.input<typeof reorderTicketTypesInput> }): Promise<TicketTypeView[]> {
  const { eventId, ticketTypeIds } = reorderTicketTypesInput.parse(input);
  await withTransaction(ctx, async (tx) => {
    const inv = await loadEventToManage(tx, ctx.actor, eventId, { lock: true });
    refuseIfCancelled(inv);
    const current = await tx
      .select({ id: ticketTypes.id })
      .from(ticketTypes)
      .where(eq(ticketTypes.eventId, inv.eventId))
      .orderBy(asc(ticketTypes.id))
      .for("update");
    const known = new Set(current.map((t) => t.id));
    if (new Set(ticketTypeIds).size !== ticketTypeIds.length || ticketTypeIds.length !== known.size || !ticketTypeIds.every((id) => known.has(id))) {
      throw new Conflict("TICKET_TYPES_CHANGED", "The ticket types changed since this page was loaded. Reload it and try again.");
    }
    await tx.execute(sql`
      update bookings.ticket_types t set position = o.ord - 1, updated_at = ${ctx.now().toISOString()}::timestamptz
      from unnest(${`{${ticketTypeIds.join(",")}}`}::uuid[]) with ordinality as o(id, ord)
      where t.id = o.id`);
  });
  return readTicketTypes(ctx.db, eq(ticketTypes.eventId, eventId), ctx.now());
}
