import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, NotFound } from "@/lib/domain/errors";
import { insertOutboxEvents } from "@/lib/jobs/outbox";
import { recordAudit } from "./audit";
import { getBookingOrThrow } from "./load-booking";
import { confirmedFacts } from "./order-statement";
import { withOrderDetails, type OrderView } from "./order-view";
import { violates } from "./pg-error";
import { discountFor, findPromoCode, promoCodeInvalid, usablePromo } from "./price-order";
import { retryOnConflict } from "./retry";
import { bookings } from "./schema";

export const applyPromoCodeInput = z.object({ orderId: z.string(), promoCode: z.string().trim().min(1).max(64) });

/**
 * The buyer applies a code to their unpaid order (still within its hold): it is re-priced from
 * its lines, the new code takes a use (its check makes the last use exact) and a code it had
 * gives its use back. A code that brings the total to 0 confirms the order, as a free order
 * would have been at once. Refused with PROMO_CODE_INVALID (unknown, outside its window, used
 * up, not for these tickets).
 */
export async function applyPromoCode({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyPromoCodeInput> }): Promise<OrderView> {
  const i = applyPromoCodeInput.parse(input);
  const row = await retryOnConflict(async () => {
    const { booking, organizerId, organizationId } = await getBookingOrThrow(ctx, i.orderId, "booking:view");
    if (ctx.actor.type !== "user" || ctx.actor.userId !== booking.userId) throw new NotFound("NOT_FOUND", "Booking not found.");
    const at = ctx.now();
    if (booking.status !== "awaiting_payment" || (booking.expiresAt && booking.expiresAt <= at)) {
      throw new Conflict("INVALID_STATE", "This order is no longer waiting for payment.");
    }
    const promo = usablePromo(await findPromoCode(ctx.db, booking.eventId, i.promoCode), at);
    if (!promo) throw promoCodeInvalid();
    const [order] = await withOrderDetails(ctx.db, [booking]);
    const discountCents = discountFor(promo, order!.items);
    return withTransaction(ctx, async (tx) => {
      const [locked] = await tx.select().from(bookings).where(eq(bookings.id, booking.id)).for("update");
      if (locked?.version !== booking.version) throw new Conflict("CONCURRENT_UPDATE", "This order changed meanwhile. Please try again.");
      if (booking.promoCodeId !== promo.id) {
        await tx.transaction((sp) => sp.execute(sql`update bookings.promo_codes set uses = uses + 1 where id = ${promo.id}::uuid`)).catch((error: unknown) => {
          throw violates(error, "promo_codes_uses_within_max") ? promoCodeInvalid() : error;
        });
        if (booking.promoCodeId) await tx.execute(sql`update bookings.promo_codes set uses = uses - 1 where id = ${booking.promoCodeId}::uuid`);
      }
      const totalCents = booking.subtotalCents - discountCents;
      const free = totalCents === 0;
      const [updated] = await tx
        .update(bookings)
        .set({
          promoCodeId: promo.id,
          promoCode: i.promoCode,
          discountCents,
          totalCents,
          ...(free ? { status: "confirmed" as const, expiresAt: null, paymentProvider: null, paymentStatus: null, checkoutUrl: null } : {}),
          version: sql`${bookings.version} + 1`,
        })
        .where(eq(bookings.id, booking.id))
        .returning();
      await recordAudit(tx, ctx, [
        {
          eventId: booking.eventId,
          bookingId: booking.id,
          action: "order.promo_applied",
          before: { promoCode: booking.promoCode, totalCents: booking.totalCents },
          after: { promoCode: i.promoCode, totalCents, status: updated!.status },
        },
      ]);
      if (free) {
        const [view] = await withOrderDetails(tx, [updated!]);
        await insertOutboxEvents(tx, confirmedFacts(view!, { organizerId, organizationId }, at.toISOString()).map((f) => ({ ...f, id: randomUUID(), requestId: ctx.requestId })));
      }
      return updated!;
    });
  });
  const [view] = await withOrderDetails(ctx.db, [row]);
  return view!;
}
