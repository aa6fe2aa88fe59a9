import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { can } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { eventNotFound } from "./event-to-manage";
import { readTicketTypes } from "./read-ticket-types";
import { eventInventory, ticketTypes } from "./schema";
import type { TicketTypeView } from "./ticket-type-view";
import { eventResource, resourceColumns } from "./event-resource";

export const listTicketTypesInput = z.object({ eventId: z.string() });

/**
 * An event's types in page order with the seats each can still sell. The organizer and admins
 * see every type, hidden and retired ones too; everyone else sees what is on the public page,
 * and a draft is unknown to them (404).
 */
export async function listTicketTypes({ ctx, input }: { ctx: Ctx; input: z.input<typeof listTicketTypesInput> }): Promise<TicketTypeView[]> {
  const { eventId } = listTicketTypesInput.parse(input);
  if (!isUuid(eventId)) throw eventNotFound();
  const [inv] = await ctx.db.select({ ...resourceColumns, status: eventInventory.status }).from(eventInventory).where(eq(eventInventory.eventId, eventId));
  if (!inv) throw eventNotFound();
  const manager = can(ctx.actor, "event:manage", eventResource(inv));
  if (inv.status === "draft" && !manager) throw eventNotFound();
  const where = manager
    ? eq(ticketTypes.eventId, eventId)
    : and(eq(ticketTypes.eventId, eventId), isNull(ticketTypes.retiredAt), eq(ticketTypes.hidden, false));
  return readTicketTypes(ctx.db, where, ctx.now());
}
