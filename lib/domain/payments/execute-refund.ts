import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { NotFound } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { paymentProvider } from "./payment-providers";
import { toRefundView, type RefundView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments, refunds } from "./schema";

export const executeRefundInput = z.object({ refundId: z.uuid() });

/**
 * Sends a requested refund to the provider with the refund's idempotency key, then records it
 * succeeded (and the payment refunded once refunds cover it), with `payment.refunded` for the
 * buyer's email and analytics in the same commit. The provider call happens outside
 * any transaction; if it fails the refund stays pending and the caller (a job) retries with the
 * same key, so the provider refunds once however often this runs.
 */
export async function executeRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof executeRefundInput> }): Promise<RefundView> {
  requireSystem(ctx);
  const { refundId } = executeRefundInput.parse(input);
  const [refund] = await ctx.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new NotFound("REFUND_NOT_FOUND", "No such refund.");
  if (refund.status === "succeeded") return toRefundView(refund);
  const [payment] = await ctx.db.select().from(payments).where(eq(payments.id, refund.paymentId));
  const { providerRef } = await paymentProvider(refund.provider).refund({
    paymentRef: payment!.providerRef,
    amountCents: refund.amountCents,
    currency: refund.currency,
    reason: refund.reason,
    idempotencyKey: refund.idempotencyKey,
  });
  const done = await withTransaction(ctx, async (tx) => {
    const at = ctx.now();
    const [updated] = await tx
      .update(refunds)
      .set({ status: "succeeded", providerRef, succeededAt: at, updatedAt: at, failureReason: null })
      .where(and(eq(refunds.id, refundId), sql`${refunds.status} <> 'succeeded'`))
      .returning();
    if (!updated) return (await tx.select().from(refunds).where(eq(refunds.id, refundId)))[0]!;
    await tx
      .update(payments)
      .set({ status: "refunded", updatedAt: at })
      .where(
        and(
          eq(payments.id, refund.paymentId),
          sql`${payments.amountCents} <= (select coalesce(sum(${refunds.amountCents}), 0) from ${refunds} where ${refunds.paymentId} = ${payments.id} and ${refunds.status} = 'succeeded')`,
        ),
      );
    await emit(tx, {
      name: "payment.refunded",
      data: {
        refundId,
        orderId: updated.orderId,
        amountCents: updated.amountCents,
        currency: updated.currency,
        returnsOrder: updated.returnsOrder,
        refundedAt: at.toISOString(),
        ofSale: payment!.confirmedOrder,
      },
      requestId: ctx.requestId,
    });
    ctx.log.info({ orderId: updated.orderId, refundId, amountCents: updated.amountCents }, "payment.refunded");
    return updated;
  });
  return toRefundView(done);
}
