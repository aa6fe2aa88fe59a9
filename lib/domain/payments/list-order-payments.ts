import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { toPaymentView, type PaymentView } from "./payment-view";
import { requireSystem } from "./require-system";
import { payments } from "./schema";

export const listOrderPaymentsInput = z.object({ orderId: z.uuid() });

/** An order's payment attempts, newest first (the pay page shows why the last one failed). The caller has checked who may see the order. */
export async function listOrderPayments({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOrderPaymentsInput> }): Promise<PaymentView[]> {
  requireSystem(ctx);
  const { orderId } = listOrderPaymentsInput.parse(input);
  const rows = await ctx.db.select().from(payments).where(eq(payments.orderId, orderId)).orderBy(desc(payments.createdAt), desc(payments.id));
  return rows.map(toPaymentView);
}
