import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Validation } from "@/lib/domain/errors";
import { loadEventToManage, refuseIfCancelled } from "./event-to-manage";
import { readTicketType } from "./read-ticket-types";
import { ticketTypes } from "./schema";
import { SALES_END_AFTER_START, salesWindowIsOrdered, ticketTypeFields } from "./ticket-type-fields";
import { lockTicketType } from "./ticket-type-to-manage";
import type { TicketTypeView } from "./ticket-type-view";

/** Every field optional; a type changed by two people at once keeps the last edit of each field. */
export const updateTicketTypeBody = z.object({
  name: ticketTypeFields.name.optional(),
  description: ticketTypeFields.description.optional(),
  priceCents: ticketTypeFields.priceCents.optional().describe("Orders already placed keep the price they were placed at"),
  capacity: ticketTypeFields.capacity.optional(),
  salesStartAt: ticketTypeFields.salesStartAt.optional(),
  salesEndAt: ticketTypeFields.salesEndAt.optional(),
  perOrderMax: ticketTypeFields.perOrderMax.optional(),
  hidden: ticketTypeFields.hidden.optional(),
  position: z.number().int("must be a whole number").min(0, "must not be negative").max(10_000, "must be at most 10000").optional(),
  retired: z.boolean().optional().describe("true stops its sales (orders keep it); false puts it back on sale"),
});

export const updateTicketTypeInput = updateTicketTypeBody.extend({ eventId: z.string(), ticketTypeId: z.string() });

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

/**
 * Edits a type (owner, admin). Its own capacity may not go below the seats it has sold or
 * holds (CAPACITY_BELOW_SOLD); both are read under the type's row lock, which the order
 * engine also takes, so no sale slips in between the check and the write.
 */
export async function updateTicketType({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateTicketTypeInput> }): Promise<TicketTypeView> {
  const { eventId, ticketTypeId, retired, salesStartAt, salesEndAt, ...fields } = updateTicketTypeInput.parse(input);
  const id = await withTransaction(ctx, async (tx) => {
    const inv = await loadEventToManage(tx, ctx.actor, eventId, { lock: true });
    refuseIfCancelled(inv);
    const current = await lockTicketType(tx, inv.eventId, ticketTypeId);
    const window = {
      salesStartAt: salesStartAt === undefined ? current.salesStartAt : toDate(salesStartAt),
      salesEndAt: salesEndAt === undefined ? current.salesEndAt : toDate(salesEndAt),
    };
    if (!salesWindowIsOrdered(window)) {
      throw new Validation("VALIDATION_FAILED", "Sales must end after they start.", [{ path: "salesEndAt", message: SALES_END_AFTER_START }]);
    }
    if (fields.capacity != null && fields.capacity < current.sold) {
      throw new Validation("CAPACITY_BELOW_SOLD", `This ticket type has already sold ${current.sold}, so its capacity cannot go below that.`, [
        { path: "capacity", message: `must be at least ${current.sold} (tickets already sold)` },
      ]);
    }
    const patch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    await tx
      .update(ticketTypes)
      .set({
        ...patch,
        ...window,
        ...(retired === undefined ? {} : { retiredAt: retired ? (current.retiredAt ?? ctx.now()) : null }),
        version: sql`${ticketTypes.version} + 1`,
        updatedAt: ctx.now(),
      })
      .where(eq(ticketTypes.id, current.id));
    return current.id;
  });
  ctx.log.info({ eventId, ticketTypeId: id }, "ticket_type.updated");
  return readTicketType(ctx.db, id, ctx.now());
}
