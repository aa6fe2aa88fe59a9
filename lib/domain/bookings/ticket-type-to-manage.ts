import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { ticketTypes, type TicketTypeRow } from "./schema";

export const ticketTypeNotFound = () => new NotFound("TICKET_TYPE_NOT_FOUND", "This ticket type does not exist.");

/** One type of the event, locked (after the event's row, per the lock order). */
export async function lockTicketType(tx: Tx, eventId: string, ticketTypeId: string): Promise<TicketTypeRow> {
  if (!isUuid(ticketTypeId)) throw ticketTypeNotFound();
  const [row] = await tx
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId)))
    .for("update");
  if (!row) throw ticketTypeNotFound();
  return row;
}
