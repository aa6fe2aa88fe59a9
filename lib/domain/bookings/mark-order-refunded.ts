import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { endOrder, orderFactOf } from "./end-order";
import { resourceColumns } from "./event-resource";
import { withOrderDetails, type OrderView } from "./order-view";
import { retryOnConflict } from "./retry";
import { bookings, eventInventory } from "./schema";

export const markOrderRefundedInput = z.object({
  orderId: z.string(),
  amountCents: z.number().int().nonnegative(),
  reason: z.string().min(1).max(500),
  /** Who asked for the refund, for the holder's cancellation notice (a late payment's refund: the holder's own order). */
  cancelledBy: z.enum(["holder", "organizer", "admin", "event_cancelled"]).default("holder"),
});

/**
 * Records that an order's money went back (the system acts, after the provider refunded it):
 * `refunded`, payment `refunded`. An order that held seats gives them back (types, event,
 * promo use, waitlist served) and its tickets stop being valid; a late payment's expired order
 * only changes status. Idempotent: a refunded order is answered as it is.
 */
export async function markOrderRefunded({ ctx, input }: { ctx: Ctx; input: z.input<typeof markOrderRefundedInput> }): Promise<OrderView> {
  const i = markOrderRefundedInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  if (!isUuid(i.orderId)) throw new NotFound("NOT_FOUND", "Order not found.");
  const row = await retryOnConflict(() =>
    withTransaction(ctx, async (tx) => {
      const [before] = await tx.select().from(bookings).where(eq(bookings.id, i.orderId)).for("update");
      if (!before) throw new NotFound("NOT_FOUND", "Order not found.");
      if (before.status === "refunded") return before;
      const at = ctx.now();
      const [after] = await tx
        .update(bookings)
        .set({ status: "refunded", paymentStatus: "refunded", cancelledAt: before.cancelledAt ?? at, cancelledBy: before.cancelledBy ?? i.cancelledBy, version: sql`${bookings.version} + 1` })
        .where(eq(bookings.id, i.orderId))
        .returning();
      const [inv] = await tx.select(resourceColumns).from(eventInventory).where(eq(eventInventory.eventId, before.eventId));
      await endOrder(tx, ctx, {
        before,
        after: after!,
        organizerId: inv!.organizerId,
        action: "order.refunded",
        cancelledBy: after!.cancelledBy ?? i.cancelledBy,
        facts: [{ name: "order.refunded", data: { ...orderFactOf(after!, inv!), amountCents: i.amountCents, reason: i.reason, refundedAt: at.toISOString(), paidAt: after!.paidAt?.toISOString() ?? null } }],
      });
      return after!;
    }),
  );
  ctx.log.info({ orderId: row.id, eventId: row.eventId, amountCents: i.amountCents }, "order.refunded");
  const [view] = await withOrderDetails(ctx.db, [row]);
  return view!;
}
