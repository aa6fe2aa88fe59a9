import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { toRefundView, type RefundView } from "./payment-view";
import { requireSystem } from "./require-system";
import { refunds } from "./schema";

export const listOrderRefundsInput = z.object({ orderId: z.uuid() });

/** An order's refunds, newest first. The caller has checked who may see the order. */
export async function listOrderRefunds({ ctx, input }: { ctx: Ctx; input: z.input<typeof listOrderRefundsInput> }): Promise<RefundView[]> {
  requireSystem(ctx);
  const { orderId } = listOrderRefundsInput.parse(input);
  const rows = await ctx.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(desc(refunds.createdAt), desc(refunds.id));
  return rows.map(toRefundView);
}
