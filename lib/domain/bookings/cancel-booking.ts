import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { countBookingCancelled } from "@/lib/metrics/domain";
import { recordAudit } from "./audit";
import { withItems, type BookingView } from "./booking-view";
import { getBookingOrThrow } from "./load-booking";
import { releaseSeats } from "./release-seats";
import { retryOnConflict, StaleVersion } from "./retry";
import { bookings, type CancelledBy } from "./schema";

export const cancelBookingInput = z.object({ id: z.string() });

/**
 * Cancels a confirmed booking (its holder, the event's organizer or an admin): the seats go
 * back in the same transaction and `seats.released` asks the promotion job to serve the
 * waitlist. The booking is read, then written only if its version is still the one read;
 * a lost race is retried from the read.
 */
export async function cancelBooking({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelBookingInput> }): Promise<BookingView> {
  const { id } = cancelBookingInput.parse(input);
  const cancelled = await retryOnConflict(async () => {
    const { booking, organizerId } = await getBookingOrThrow(ctx, id, "booking:cancel");
    if (booking.status !== "confirmed") throw new Conflict("INVALID_STATE", "This booking is already cancelled.");
    const by = cancelledByOf(ctx, booking.userId);
    const at = ctx.now();
    return withTransaction(ctx, async (tx) => {
      const [row] = await tx
        .update(bookings)
        .set({ status: "cancelled", cancelledAt: at, cancelledBy: by, version: sql`${bookings.version} + 1` })
        .where(and(eq(bookings.id, id), eq(bookings.version, booking.version), eq(bookings.status, "confirmed")))
        .returning();
      if (!row) throw new StaleVersion();
      await releaseSeats(tx, row.eventId, [row]);
      await recordAudit(tx, ctx, [
        {
          eventId: row.eventId,
          bookingId: row.id,
          action: "booking.cancelled",
          before: { status: "confirmed", version: booking.version },
          after: { status: "cancelled", cancelledBy: by, version: row.version },
        },
      ]);
      const fact = { bookingId: row.id, eventId: row.eventId, userId: row.userId, organizerId, quantity: row.quantity, totalCents: row.totalCents, currency: row.currency };
      await emit(tx, { name: "booking.cancelled", data: { ...fact, cancelledBy: by, cancelledAt: at.toISOString() }, requestId: ctx.requestId });
      await emit(tx, { name: "seats.released", data: { eventId: row.eventId, quantity: row.quantity }, requestId: ctx.requestId });
      return row;
    });
  });
  countBookingCancelled(cancelled.cancelledBy ?? "holder");
  ctx.log.info({ bookingId: id, eventId: cancelled.eventId, cancelledBy: cancelled.cancelledBy }, "booking.cancelled");
  const [view] = await withItems(ctx.db, [cancelled]);
  return view!;
}

/** The holder, else whoever acts for the event: an admin (or the system, on an admin's behalf) or its organizer. */
function cancelledByOf(ctx: Ctx, holderId: string): CancelledBy {
  if (ctx.actor.type === "user" && ctx.actor.userId === holderId) return "holder";
  return ctx.actor.type === "user" && ctx.actor.role !== "admin" ? "organizer" : "admin";
}
