import { and, desc, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Validation } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { toRefundView, type RefundView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments, refunds } from "./schema";

/** Who a refund is on behalf of, carried to the job so the order's notice names them. */
export const refundRequester = z.enum(["holder", "organizer", "admin", "event_cancelled"]);

export const requestRefundInput = z.object({
  orderId: z.uuid(),
  /** The payment to refund; by default the order's succeeded one. */
  paymentRef: z.string().min(1).optional(),
  /** Defaults to what is left of the payment after earlier refunds. */
  amountCents: z.number().int().positive().optional(),
  reason: z.string().min(1).max(500),
  /** Names this refund: asking again with the same key gives the same refund, never a second one. */
  idempotencyKey: z.string().min(1).max(200),
  /**
   * Whether the refund undoes the order (cancelled, late, wrong amount), only gives money back
   * while the order stands (a second payment, a partial refund), or undoes it exactly when it
   * pays back what is left (an organizer's refund by hand).
   */
  returnsOrder: z.union([z.boolean(), z.literal("when_paid_back_in_full")]).default(true),
  requestedBy: refundRequester.optional(),
});

/**
 * Records that money must go back and, in the same commit, asks the refund job to make it
 * (`payment.refund_requested`), so a refund promised is a refund made even if the caller dies
 * right after. The payment row is locked while its earlier refunds are summed, so refunds
 * racing on one payment never give back more than it took (422 `REFUND_EXCEEDS_PAYMENT`).
 * Runs no network call: executeRefund talks to the provider.
 */
export async function requestRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof requestRefundInput> }): Promise<RefundView> {
  requireSystem(ctx);
  const { orderId, paymentRef, amountCents, reason, idempotencyKey, returnsOrder, requestedBy } = requestRefundInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const [again] = await tx.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey));
    if (again) return toRefundView(again);
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.orderId, orderId), paymentRef ? eq(payments.providerRef, paymentRef) : eq(payments.status, "succeeded")))
      .orderBy(desc(payments.succeededAt))
      .limit(1)
      .for("update");
    if (!payment || (payment.status !== "succeeded" && payment.status !== "refunded")) {
      throw new Conflict("NO_PAYMENT_TO_REFUND", "This order has no payment that could be refunded.");
    }
    // Asked again while the first ask held the lock: now committed, it is the answer.
    const [raced] = await tx.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey));
    if (raced) return toRefundView(raced);
    const [{ given }] = (await tx
      .select({ given: sql<number>`coalesce(sum(${refunds.amountCents}), 0)::int` })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), ne(refunds.status, "failed")))) as [{ given: number }];
    const left = payment.amountCents - given;
    const amount = amountCents ?? left;
    if (amount < 1 || amount > left) {
      throw new Validation("REFUND_EXCEEDS_PAYMENT", `At most ${left} (minor units of ${payment.currency}) of this payment is left to refund.`, [
        { path: "amountCents", message: `must be at most ${left}` },
      ]);
    }
    const undoesOrder = returnsOrder === "when_paid_back_in_full" ? amount === left : returnsOrder;
    const [created] = await tx
      .insert(refunds)
      .values({ paymentId: payment.id, orderId, provider: payment.provider, amountCents: amount, currency: payment.currency, reason, idempotencyKey, returnsOrder: undoesOrder })
      .onConflictDoNothing({ target: refunds.idempotencyKey })
      .returning();
    if (!created) return toRefundView((await tx.select().from(refunds).where(eq(refunds.idempotencyKey, idempotencyKey)))[0]!);
    await emit(tx, {
      name: "payment.refund_requested",
      data: { refundId: created.id, orderId, amountCents: created.amountCents, currency: created.currency, returnsOrder: undoesOrder, requestedBy },
      requestId: ctx.requestId,
    });
    ctx.log.info({ orderId, refundId: created.id, amountCents: created.amountCents, reason }, "payment.refund_requested");
    return toRefundView(created);
  });
}
