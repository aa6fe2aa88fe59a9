import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { can, type Action } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, NotFound, Unauthenticated } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { bookings, eventInventory, type BookingRow } from "./schema";
import { eventResource, resourceColumns } from "./event-resource";

export type OwnedBooking = { booking: BookingRow; organizerId: string; organizationId: string | null };

/** A booking with its event's organizer (for the policy), or undefined. */
export async function findBooking(db: DbOrTx, id: string): Promise<OwnedBooking | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ booking: bookings, ...resourceColumns })
    .from(bookings)
    .innerJoin(eventInventory, eq(eventInventory.eventId, bookings.eventId))
    .where(eq(bookings.id, id));
  return row;
}

/**
 * Loads a booking the actor may act on. Who may not even see it gets NotFound, so a booking's
 * existence is never revealed; who may see it but not do `action` gets Forbidden.
 */
export async function getBookingOrThrow(ctx: Ctx, id: string, action: Action): Promise<OwnedBooking> {
  if (ctx.actor.type === "anonymous") throw new Unauthenticated();
  const found = await findBooking(ctx.db, id);
  const resource = found && { userId: found.booking.userId, ...eventResource(found) };
  if (!found || !can(ctx.actor, "booking:view", resource)) throw new NotFound("NOT_FOUND", "Booking not found.");
  if (!can(ctx.actor, action, resource)) throw new Forbidden();
  return found;
}
