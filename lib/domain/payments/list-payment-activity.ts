import { and, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { afterCursor, cursorTime, encodeCursor } from "@/lib/domain/cursor";
import { toPaymentView, toRefundView, type PaymentView, type RefundView } from "./payment-view";
import { paymentAttemptStatus, payments, refunds, refundStatus } from "./schema";

export const listPaymentActivityInput = z.object({
  kind: z.enum(["payments", "refunds"]).default("payments"),
  status: z.enum([...new Set([...paymentAttemptStatus.enumValues, ...refundStatus.enumValues])] as [string, ...string[]]).optional(),
  provider: z.string().trim().min(1).max(40).optional(),
  orderId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export type PaymentActivity =
  | { kind: "payments"; data: PaymentView[]; nextCursor: string | null }
  | { kind: "refunds"; data: RefundView[]; nextCursor: string | null };

/**
 * The admin's view of money across the platform: payment attempts or refunds, newest first,
 * filtered by status, provider or order, with the provider's own ids to look them up there.
 */
export async function listPaymentActivity({ ctx, input }: { ctx: Ctx; input: z.input<typeof listPaymentActivityInput> }): Promise<PaymentActivity> {
  authorize(ctx.actor, "payments:admin");
  const i = listPaymentActivityInput.parse(input);
  if (i.kind === "payments") {
    const filters: (SQL | undefined)[] = [
      i.status ? eq(payments.status, i.status as (typeof paymentAttemptStatus.enumValues)[number]) : undefined,
      i.provider ? eq(payments.provider, i.provider) : undefined,
      i.orderId ? eq(payments.orderId, i.orderId) : undefined,
      afterCursor(payments.createdAt, payments.id, i.cursor),
    ];
    const rows = await ctx.db
      .select({ row: payments, at: cursorTime(payments.createdAt) })
      .from(payments)
      .where(and(...filters))
      .orderBy(desc(payments.createdAt), desc(payments.id))
      .limit(i.limit + 1);
    const page = rows.slice(0, i.limit);
    const last = page.at(-1);
    return { kind: "payments", data: page.map((r) => toPaymentView(r.row)), nextCursor: rows.length > i.limit && last ? encodeCursor({ at: last.at, id: last.row.id }) : null };
  }
  const filters: (SQL | undefined)[] = [
    i.status ? eq(refunds.status, i.status as (typeof refundStatus.enumValues)[number]) : undefined,
    i.provider ? eq(refunds.provider, i.provider) : undefined,
    i.orderId ? eq(refunds.orderId, i.orderId) : undefined,
    afterCursor(refunds.createdAt, refunds.id, i.cursor),
  ];
  const rows = await ctx.db
    .select({ row: refunds, at: cursorTime(refunds.createdAt) })
    .from(refunds)
    .where(and(...filters))
    .orderBy(desc(refunds.createdAt), desc(refunds.id))
    .limit(i.limit + 1);
  const page = rows.slice(0, i.limit);
  const last = page.at(-1);
  return { kind: "refunds", data: page.map((r) => toRefundView(r.row)), nextCursor: rows.length > i.limit && last ? encodeCursor({ at: last.at, id: last.row.id }) : null };
}
