import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { toRefundView, type RefundView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments, refunds } from "./schema";

export const requestRefundInput = z.object({
  orderId: z.uuid(),
  /** The payment to refund; by default the order's succeeded one. */
  paymentRef: z.string().min(1).optional(),
  /** Defaults to the whole payment. */
  amountCents: z.number().int().positive().optional(),
  reason: z.string().min(1).max(500),
  /** Names this refund: asking again with the same key gives the same refund, never a second one. */
  idempotencyKey: z.string().min(1).max(200),
  /** Whether the refund undoes the order (cancelled, late, wrong amount) or only gives back a second payment of a paid order. */
  returnsOrder: z.boolean().default(true),
});

/**
 * Records that money must go back and, in the same commit, asks the refund job to make it
 * (`payment.refund_requested`), so a refund promised is a refund made even if the caller dies
 * right after. Runs no network call: executeRefund talks to the provider.
 */
export async function requestRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof requestRefundInput> }): Promise<RefundView> {
  requireSystem(ctx);
  const { orderId, paymentRef, amountCents, reason, idempotencyKey, returnsOrder } = requestRefundInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), paymentRef ? eq(payments.providerRef, paymentRef) : eq(payments.status, "succeeded")))
      .orderBy(desc(payments.succeededAt))
      .limit(1);
    if (!payment || (payment.status !== "succeeded" && payment.status !== "refunded")) {
      throw new Conflict("NO_PAYMENT_TO_REFUND", "This order has no payment that could be refunded.");
    }
    const [created] = await tx
      .insert(refunds)
      .values({
        paymentId: payment.id,
        orderId,
        provider: payment.provider,
        amountCents: amountCents ?? payment.amountCents,
        currency: payment.currency,
        reason,
        idempotencyKey,
      })
      .onConflictDoNothing({ target: refunds.idempotencyKey })
      .returning();
    if (!created) return toRefundView((await tx.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey)))[0]!);
    await emit(tx, {
      name: "payment.refund_requested",
      data: { refundId: created.id, orderId, amountCents: created.amountCents, currency: created.currency, returnsOrder },
      requestId: ctx.requestId,
    });
    ctx.log.info({ orderId, refundId: created.id, amountCents: created.amountCents, reason }, "payment.refund_requested");
    return toRefundView(created);
  });
}
