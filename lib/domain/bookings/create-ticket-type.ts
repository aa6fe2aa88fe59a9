import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { readTicketType } from "./read-ticket-types";
import { ticketTypes } from "./schema";
import { newTicketTypeShape, salesWindowCheck, salesWindowIsOrdered } from "./ticket-type-fields";
import type { TicketTypeView } from "./ticket-type-view";

export const createTicketTypeBody = z.object(newTicketTypeShape).refine(salesWindowIsOrdered, salesWindowCheck);
export const createTicketTypeInput = z.object({ eventId: z.string(), ...newTicketTypeShape }).refine(salesWindowIsOrdered, salesWindowCheck);

/** Adds a type at the end of the event's page (owner, admin). */
export async function createTicketType({ ctx, input }: { ctx: Ctx; input: z.input<typeof createTicketTypeInput> }): Promise<TicketTypeView> {
  const { eventId, salesStartAt, salesEndAt, ...fields } = createTicketTypeInput.parse(input);
  const id = await withTransaction(ctx, async (tx) => {
    const inv = await loadEventToManage(tx, ctx.actor, eventId, { lock: true });
    refuseIfCancelled(inv);
    const now = ctx.now();
    const [row] = await tx
      .insert(ticketTypes)
      .values({
        ...fields,
        eventId: inv.eventId,
        salesStartAt: salesStartAt ? new Date(salesStartAt) : null,
        salesEndAt: salesEndAt ? new Date(salesEndAt) : null,
        position: sql`(select coalesce(max(${ticketTypes.position}) + 1, 0) from ${ticketTypes} where ${eq(ticketTypes.eventId, inv.eventId)})`,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: ticketTypes.id });
    return row!.id;
  });
  ctx.log.info({ eventId, ticketTypeId: id }, "ticket_type.created");
  return readTicketType(ctx.db, id, ctx.now());
}
