import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { requireSystem } from "./require-system";
import { payments, refunds } from "./schema";

export const recordProviderRefundInput = z.object({
  provider: z.string().min(1),
  paymentRef: z.string().min(1),
  /** What the provider says has gone back of this payment in total so far. */
  refundedCents: z.number().int().nonnegative(),
  at: z.date(),
});

export type ProviderRefundRecord =
  | { outcome: "unknown_payment" }
  | { outcome: "already_recorded"; orderId: string }
  | {
      outcome: "recorded";
      orderId: string;
      amountCents: number;
      /** Refunds now cover the whole payment. */
      paymentRefunded: boolean;
      /** The order's other paid attempts: with one, the order is still paid after this payment went back. */
      otherSucceeded: number;
    };

/**
 * The provider reports a payment's refunded total. Refunds Evently asked for (pending or made)
 * already account for their share; anything beyond them was refunded at the provider directly
 * (Stripe's dashboard) and is recorded here as a made refund, so the books match the provider's.
 * The payment row is locked first: reports of one payment apply one after another, and since
 * each carries the running total, repeated or reordered reports record the difference once.
 */
export async function recordProviderRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof recordProviderRefundInput> }): Promise<ProviderRefundRecord> {
  requireSystem(ctx);
  const { provider, paymentRef, refundedCents, at } = recordProviderRefundInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.providerRef, paymentRef)))
      .for("update");
    if (!payment) return { outcome: "unknown_payment" as const };
    const [{ covered }] = (await tx
      .select({ covered: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, ["pending", "succeeded"])))) as [{ covered: number }];
    const amountCents = Math.min(refundedCents, payment.amountCents) - covered;
    if (amountCents <= 0) return { outcome: "already_recorded" as const, orderId: payment.orderId };
    const paymentRefunded = covered + amountCents >= payment.amountCents;
    const otherSucceeded = await tx.$count(payments, and(eq(payments.orderId, payment.orderId), ne(payments.id, payment.id), eq(payments.status, "succeeded")));
    // The caller refunds the order exactly when its only payment went back in full.
    const returnsOrder = paymentRefunded && otherSucceeded === 0;
    const [refund] = await tx
      .insert(refunds)
      .values({
        paymentId: payment.id,
        orderId: payment.orderId,
        provider,
        amountCents,
        currency: payment.currency,
        reason: "Refunded at the payment provider.",
        returnsOrder,
        idempotencyKey: `provider-refund:${provider}:${paymentRef}:${refundedCents}`,
        status: "succeeded",
        succeededAt: at,
      })
      .returning();
    if (paymentRefunded) await tx.update(payments).set({ status: "refunded", updatedAt: ctx.now() }).where(eq(payments.id, payment.id));
    // Money that moved at the provider is money that moved: the buyer hears of it and analytics counts it, like a refund Evently made.
    await emit(tx, {
      name: "payment.refunded",
      data: { refundId: refund!.id, orderId: payment.orderId, amountCents, currency: payment.currency, returnsOrder, refundedAt: at.toISOString(), ofSale: payment.confirmedOrder },
      requestId: ctx.requestId,
    });
    ctx.log.info({ orderId: payment.orderId, paymentRef, amountCents }, "payment.refunded_at_provider");
    return { outcome: "recorded" as const, orderId: payment.orderId, amountCents, paymentRefunded, otherSucceeded };
  });
}
