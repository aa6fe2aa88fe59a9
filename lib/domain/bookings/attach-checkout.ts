import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Forbidden, NotFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";
import { withOrderDetails, type OrderView } from "./order-view";
import { bookings } from "./schema";

export const attachCheckoutInput = z.object({ orderId: z.string(), provider: z.string().min(1), checkoutUrl: z.url() });

/** Sets where an unpaid order is paid, once a provider that must be called first has answered (the system acts). */
export async function attachCheckout({ ctx, input }: { ctx: Ctx; input: z.input<typeof attachCheckoutInput> }): Promise<OrderView> {
  const i = attachCheckoutInput.parse(input);
  if (ctx.actor.type !== "system") throw new Forbidden();
  if (!isUuid(i.orderId)) throw new NotFound("NOT_FOUND", "Order not found.");
  const [row] = await ctx.db
    .update(bookings)
    .set({ paymentProvider: i.provider, checkoutUrl: i.checkoutUrl, paymentStatus: sql`coalesce(${bookings.paymentStatus}, 'pending')`, version: sql`${bookings.version} + 1` })
    .where(and(eq(bookings.id, i.orderId), eq(bookings.status, "awaiting_payment")))
    .returning();
  if (!row) {
    const [exists] = await ctx.db.select({ id: bookings.id }).from(bookings).where(eq(bookings.id, i.orderId));
    if (!exists) throw new NotFound("NOT_FOUND", "Order not found.");
    throw new Conflict("INVALID_STATE", "This order is not waiting for payment.");
  }
  const [view] = await withOrderDetails(ctx.db, [row]);
  return view!;
}
