import { and, asc, eq, gt, isNotNull } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { bookings } from "./schema";

export const listRefundableEventOrdersInput = z.object({
  eventId: z.uuid(),
  /** The last order id of the previous page (ids order the pages). */
  afterId: z.uuid().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/**
 * The paid orders the cancellation of their event ended whose money has not gone back yet
 * (payment status still `succeeded`): what the event-cancelled cascade refunds, a page at a time.
 */
export async function listRefundableEventOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listRefundableEventOrdersInput> }) {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const i = listRefundableEventOrdersInput.parse(input);
  return ctx.db
    .select({ orderId: bookings.id, totalCents: bookings.totalCents, currency: bookings.currency })
    .from(bookings)
    .where(
      and(
        eq(bookings.eventId, i.eventId),
        eq(bookings.status, "cancelled"),
        eq(bookings.cancelledBy, "event_cancelled"),
        eq(bookings.paymentStatus, "succeeded"),
        isNotNull(bookings.paidAt),
        i.afterId ? gt(bookings.id, i.afterId) : undefined,
      ),
    )
    .orderBy(asc(bookings.id))
    .limit(i.limit);
}
