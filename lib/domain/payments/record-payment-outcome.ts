import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { toPaymentView, type PaymentView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments } from "./schema";

export const recordPaymentOutcomeInput = z.object({
  orderId: z.uuid(),
  provider: z.string().min(1),
  paymentRef: z.string().min(1),
  amountCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  status: z.enum(["succeeded", "failed"]),
  failureReason: z.string().max(500).nullable().default(null),
  at: z.date(),
});

/**
 * Records what the provider said about one payment attempt, making the row if the provider
 * started the attempt on its own page (Stripe). An attempt moves only out of `pending`: a late
 * or repeated notification never turns a succeeded payment into a failed one. `otherSucceeded`
 * counts the order's other succeeded payments (a buyer who paid twice), which the caller refunds.
 */
export async function recordPaymentOutcome({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof recordPaymentOutcomeInput>;
}): Promise<{ payment: PaymentView; changed: boolean; otherSucceeded: number }> {
  requireSystem(ctx);
  const { orderId, provider, paymentRef, amountCents, currency, status, failureReason, at } = recordPaymentOutcomeInput.parse(input);
  return withTransaction(ctx, async (tx) => {
    const outcome = {
      status,
      failureReason: status === "failed" ? failureReason : null,
      succeededAt: status === "succeeded" ? at : null,
      failedAt: status === "failed" ? at : null,
      updatedAt: ctx.now(),
    };
    const [changed] = await tx
      .insert(payments)
      .values({ orderId, provider, providerRef: paymentRef, amountCents, currency, ...outcome })
      .onConflictDoUpdate({
        target: [payments.provider, payments.providerRef],
        set: outcome,
        setWhere: sql`${payments.status} = 'pending'`,
      })
      .returning();
    const row = changed ?? (await tx.select().from(payments).where(and(eq(payments.provider, provider), eq(payments.providerRef, paymentRef))))[0]!;
    const otherSucceeded = await tx.$count(
      payments,
      and(eq(payments.orderId, orderId), ne(payments.id, row.id), sql`${payments.status} in ('succeeded', 'refunded')`),
    );
    return { payment: toPaymentView(row), changed: Boolean(changed), otherSucceeded };
  });
}
