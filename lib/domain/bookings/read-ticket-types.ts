import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { eventInventory, ticketTypes } from "./schema";
import { ticketTypeSeatsAvailable } from "./ticket-type-availability";
import { toTicketTypeView, type TicketTypeView } from "./ticket-type-view";

/** Ticket types matching `where`, in page order, each with the seats it can still sell now. */
export async function readTicketTypes(db: DbOrTx, where: SQL | undefined, now: Date): Promise<TicketTypeView[]> {
  const rows = await db
    .select({ row: ticketTypes, seats: ticketTypeSeatsAvailable(now) })
    .from(ticketTypes)
    .innerJoin(eventInventory, eq(eventInventory.eventId, ticketTypes.eventId))
    .where(where)
    .orderBy(asc(ticketTypes.eventId), asc(ticketTypes.position), asc(ticketTypes.createdAt), asc(ticketTypes.id));
  return rows.map((r) => toTicketTypeView(r.row, r.seats));
}

export async function readTicketType(db: DbOrTx, id: string, now: Date): Promise<TicketTypeView> {
  const [view] = await readTicketTypes(db, eq(ticketTypes.id, id), now);
  return view!;
}

/** The types still sold of several events (hidden ones included: the caller decides who sees them). */
export function readSellingTicketTypes(db: DbOrTx, eventIds: string[], now: Date): Promise<TicketTypeView[]> {
  return readTicketTypes(db, and(inArray(ticketTypes.eventId, eventIds), isNull(ticketTypes.retiredAt)), now);
}
