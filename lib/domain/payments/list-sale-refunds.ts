import { sql } from "drizzle-orm";
import { z } from "zod";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";

export const listSaleRefundsInput = z.object({});

/** Money given back of one order's sale on one UTC day. */
export type SaleRefund = { orderId: string; date: string; currency: string; amountCents: number };

/**
 * The refunds analytics takes off net revenue, counted from the rows for reconciliation: every
 * refund made of a payment that confirmed its order, per order and UTC day it went back. Refunds
 * of late or second payments are left out, as their money was never a sale.
 */
export async function listSaleRefunds({ ctx, input }: { ctx: Ctx; input: z.input<typeof listSaleRefundsInput> }): Promise<SaleRefund[]> {
  authorize(ctx.actor, "analytics:system");
  listSaleRefundsInput.parse(input);
  const rows = await ctx.db.execute<SaleRefund>(sql`
    select r.order_id as "orderId", to_char((r.succeeded_at at time zone 'UTC')::date, 'YYYY-MM-DD') as date,
           r.currency, sum(r.amount_cents)::bigint as "amountCents"
      from payments.refunds r
      join payments.payments p on p.id = r.payment_id
     where r.status = 'succeeded' and p.confirmed_order
     group by r.order_id, 2, r.currency
     order by r.order_id, 2`);
  return rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
}
