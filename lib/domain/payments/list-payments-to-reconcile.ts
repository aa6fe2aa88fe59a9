import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { isUuid } from "@/lib/domain/ids";
import { requireSystem } from "./require-system";

export const listPaymentsToReconcileInput = z.object({
  /** Succeeded payments that succeeded at or after this instant (none when absent). */
  succeededSince: z.coerce.date().optional(),
  /** Also every payment of these orders, in whatever state. */
  orderIds: z.array(z.string()).max(50_000).default([]),
});

export type PaymentState = {
  paymentId: string;
  orderId: string;
  status: string;
  amountCents: number;
  currency: string;
  /** Money asked back but not sent yet (a late payment's refund in progress). */
  refundPendingCents: number;
};

/**
 * What payment reconciliation checks the orders against: succeeded payments since
 * `succeededSince` and every payment of the orders named, with the refunds still pending on
 * each. System only.
 */
export async function listPaymentsToReconcile({ ctx, input }: { ctx: Ctx; input: z.input<typeof listPaymentsToReconcileInput> }): Promise<PaymentState[]> {
  requireSystem(ctx);
  const { succeededSince, orderIds } = listPaymentsToReconcileInput.parse(input);
  const ids = [...new Set(orderIds.filter(isUuid))];
  const rows = await ctx.db.execute<PaymentState>(sql`
    select p.id as "paymentId", p.order_id as "orderId", p.status, p.amount_cents as "amountCents", p.currency,
           coalesce((select sum(r.amount_cents) from payments.refunds r where r.payment_id = p.id and r.status <> 'succeeded'), 0)::int as "refundPendingCents"
      from payments.payments p
     where ${succeededSince ? sql`(p.status = 'succeeded' and p.succeeded_at >= ${succeededSince.toISOString()}::timestamptz)` : sql`false`}
        or p.order_id = any(${`{${ids.join(",")}}`}::uuid[])
     order by p.id`);
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents), refundPendingCents: Number(r.refundPendingCents) }));
}
