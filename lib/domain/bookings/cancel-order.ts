import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { countBookingCancelled } from "@/lib/metrics/domain";
import { endOrder, orderFactOf } from "./end-order";
import { getBookingOrThrow } from "./load-booking";
import { withOrderDetails, type OrderView } from "./order-view";
import { retryOnConflict, StaleVersion } from "./retry";
import { bookings, type BookingRow, type CancelledBy } from "./schema";

export const cancelOrderInput = z.object({ orderId: z.string() });

/** A paid order cannot simply be cancelled: its money goes back through the provider first (then markOrderRefunded). */
export type RefundDue = { amountCents: number; currency: string; provider: string };

/**
 * Cancels an order (its buyer, the event's organizer or an admin). An unpaid one is abandoned:
 * `cancelled`, its seats and promo use back at once. A confirmed free one (or one booked before
 * payments existed) is `cancelled` as a booking always was. A paid one is left as it is and
 * answered with what to refund: the caller refunds through the provider, then marks it refunded.
 * The order is read, then written only if its version is still the one read.
 */
export async function cancelOrder({ ctx, input }: { ctx: Ctx; input: z.input<typeof cancelOrderInput> }): Promise<{ order: OrderView; refundDue: RefundDue | null }> {
  const { orderId } = cancelOrderInput.parse(input);
  const outcome = await retryOnConflict(async () => {
    const { booking, organizerId, organizationId } = await getBookingOrThrow(ctx, orderId, "booking:cancel");
    if (booking.status === "confirmed" && booking.paidAt && booking.paymentProvider) {
      return { row: booking, refundDue: { amountCents: booking.totalCents, currency: booking.currency, provider: booking.paymentProvider } };
    }
    if (booking.status !== "confirmed" && booking.status !== "awaiting_payment") throw new Conflict("INVALID_STATE", "This order is no longer open.");
    const by = cancelledByOf(ctx, booking.userId);
    const at = ctx.now();
    const row = await withTransaction(ctx, async (tx) => {
      const [row] = await tx
        .update(bookings)
        .set({ status: "cancelled", cancelledAt: at, cancelledBy: by, version: sql`${bookings.version} + 1` })
        .where(and(eq(bookings.id, orderId), eq(bookings.version, booking.version), eq(bookings.status, booking.status)))
        .returning();
      if (!row) throw new StaleVersion();
      await endOrder(tx, ctx, {
        before: booking,
        after: row,
        organizerId,
        action: "booking.cancelled",
        cancelledBy: by,
        facts: [{ name: "order.cancelled", data: { ...orderFactOf(row, { organizerId, organizationId }), cancelledBy: by, cancelledAt: at.toISOString() } }],
      });
      return row;
    });
    countBookingCancelled(by);
    ctx.log.info({ orderId, eventId: row.eventId, cancelledBy: by, was: booking.status }, "order.cancelled");
    return { row, refundDue: null };
  });
  const [order] = await withOrderDetails(ctx.db, [outcome.row as BookingRow]);
  return { order: order!, refundDue: outcome.refundDue };
}

/** The buyer, else whoever acts for the event: an admin (or the system, on an admin's behalf) or its organizer. */
function cancelledByOf(ctx: Ctx, holderId: string): CancelledBy {
  if (ctx.actor.type === "user" && ctx.actor.userId === holderId) return "holder";
  return ctx.actor.type === "user" && ctx.actor.role !== "admin" ? "organizer" : "admin";
}
