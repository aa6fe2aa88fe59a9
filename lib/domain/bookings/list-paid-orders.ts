import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { Forbidden } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

export const listPaidOrdersInput = z.object({
  /** Confirmed paid orders paid at or after this instant (none when absent). */
  paidSince: z.coerce.date().optional(),
  /** Also these orders, in whatever state (a succeeded payment's order, to check it stands). */
  orderIds: z.array(z.string()).max(50_000).default([]),
});

export type PaidOrderState = { orderId: string; status: string; totalCents: number; currency: string; paidAt: string | null };

/**
 * What payment reconciliation checks the payments against: every confirmed order that took
 * money (a total above 0 that went through payment) paid since `paidSince`, plus the orders
 * named in `orderIds`. System only: it lists orders of every buyer.
 */
export async function listPaidOrders({ ctx, input }: { ctx: Ctx; input: z.input<typeof listPaidOrdersInput> }): Promise<PaidOrderState[]> {
  if (ctx.actor.type !== "system") throw new Forbidden();
  const { paidSince, orderIds } = listPaidOrdersInput.parse(input);
  const ids = [...new Set(orderIds.filter(isUuid))];
  const rows = await ctx.db.execute<PaidOrderState>(sql`
    select id as "orderId", status, total_cents as "totalCents", currency, to_char(paid_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "paidAt"
      from bookings.bookings
     where ${paidSince ? sql`(status = 'confirmed' and total_cents > 0 and (paid_at >= ${paidSince.toISOString()}::timestamptz or (paid_at is null and payment_status is not null)))` : sql`false`}
        or id = any(${`{${ids.join(",")}}`}::uuid[])
     order by id`);
  return rows.map((r) => ({ ...r, totalCents: Number(r.totalCents) }));
}
