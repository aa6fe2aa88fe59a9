import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { toPaymentView, toRefundView, type PaymentView, type RefundView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments, refunds } from "./schema";

export const getRefundInput = z.object({ refundId: z.string() });

/** One refund with the payment it gives back (the buyer's email names both), or null. */
export async function getRefund({ ctx, input }: { ctx: Ctx; input: z.input<typeof getRefundInput> }): Promise<{ refund: RefundView; payment: PaymentView } | null> {
  requireSystem(ctx);
  const { refundId } = getRefundInput.parse(input);
  if (!isUuid(refundId)) return null;
  const [row] = await ctx.db.select({ refund: refunds, payment: payments }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(eq(refunds.id, refundId));
  return row ? { refund: toRefundView(row.refund), payment: toPaymentView(row.payment) } : null;
}
