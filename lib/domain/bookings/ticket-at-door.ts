import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { authorize, type Action } from "@/lib/domain/auth";
import type { Actor } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { eventNotFound } from "./event-to-manage";
import { bookingItems, bookings, eventInventory, ticketTypes, type BookingStatus } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

/**
 * A ticket code as people carry it: the QR code holds the bare code, and one typed at the door
 * may come in lower case, with spaces or dashes, or with the letters Crockford base32 reads as
 * digits (O for 0, I and L for 1).
 */
export function normalizeTicketCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export const ticketNotFound = () => new NotFound("TICKET_NOT_FOUND", "No ticket of this event has this code.");

/** The event whose door this is: 404 when it does not exist, 403 when the actor may not act there. */
export async function loadEventAtDoor(db: DbOrTx, actor: Actor, eventId: string, action: Action): Promise<{ organizerId: string; organizationId: string | null }> {
  if (!isUuid(eventId)) throw eventNotFound();
  const [inv] = await db.select(resourceColumns).from(eventInventory).where(eq(eventInventory.eventId, eventId));
  if (!inv) throw eventNotFound();
  authorize(actor, action, eventResource(inv));
  return inv;
}

export type TicketAtDoor = {
  id: string;
  ticketCode: string;
  ticketTypeId: string;
  ticketTypeName: string;
  orderId: string;
  orderStatus: BookingStatus;
  userId: string;
  checkedInAt: Date | null;
  checkedInBy: string | null;
};

/** A ticket of this event by its code, with what the door shows; another event's ticket is not found here. */
export async function findTicketAtDoor(db: DbOrTx, eventId: string, ticketCode: string): Promise<TicketAtDoor | null> {
  const [row] = await db
    .select({
      id: bookingItems.id,
      ticketCode: bookingItems.ticketCode,
      ticketTypeId: bookingItems.ticketTypeId,
      ticketTypeName: ticketTypes.name,
      orderId: bookings.id,
      orderStatus: bookings.status,
      userId: bookings.userId,
      checkedInAt: bookingItems.checkedInAt,
      checkedInBy: bookingItems.checkedInBy,
    })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, bookingItems.ticketTypeId))
    .where(and(eq(bookingItems.ticketCode, ticketCode), eq(bookings.eventId, eventId)))
    .limit(1);
  return row ?? null;
}

/** Orders whose tickets get people in: confirmed ones (paid, or free). */
export const admits = sql`${bookings.status} = 'confirmed'`;
