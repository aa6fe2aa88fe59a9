import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { requireSystem } from "./require-system";
import { payments } from "./schema";

export const recordOrderConfirmedInput = z.object({ provider: z.string().min(1), paymentRef: z.string().min(1) });

/**
 * Marks the payment whose money confirmed its order (called in the commit that confirmed it):
 * that payment is the sale, so its refunds, and only its, come off the sale's revenue. A late
 * or second payment is never marked, and its automatic refund gives back money never counted.
 */
export async function recordOrderConfirmed({ ctx, input }: { ctx: Ctx; input: z.input<typeof recordOrderConfirmedInput> }): Promise<void> {
  requireSystem(ctx);
  const { provider, paymentRef } = recordOrderConfirmedInput.parse(input);
  await ctx.db
    .update(payments)
    .set({ confirmedOrder: true })
    .where(and(eq(payments.provider, provider), eq(payments.providerRef, paymentRef)));
}
