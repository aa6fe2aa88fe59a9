import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withOrderDetails, type OrderView } from "./order-view";
import { bookings } from "./schema";

export const recordPaymentFailureInput = z.object({ orderId: z.string(), provider: z.string().min(1), reason: z.string().max(500) });

/**
 * A provider says a payment attempt failed (the system acts): the unpaid order shows it and
 * keeps holding its seats until it expires, so the buyer can try another card. An order that
 * is no longer waiting for payment is left as it is.
 */
export async function recordPaymentFailure({ ctx, input }: { ctx: Ctx; input: z.input<typeof recordPaymentFailureInput> }): Promise<OrderView> {
  const i = recordPaymentFailureInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  if (!isUuid(i.orderId)) throw new NotFound("NOT_FOUND", "Order not found.");
  await ctx.db
    .update(bookings)
    .set({ paymentStatus: "failed", paymentProvider: i.provider, version: sql`${bookings.version} + 1` })
    .where(and(eq(bookings.id, i.orderId), eq(bookings.status, "awaiting_payment")));
  const [row] = await ctx.db.select().from(bookings).where(eq(bookings.id, i.orderId));
  if (!row) throw new NotFound("NOT_FOUND", "Order not found.");
  ctx.log.info({ orderId: row.id, reason: i.reason }, "order.payment_failed");
  const [view] = await withOrderDetails(ctx.db, [row]);
  return view!;
}
