import { desc, lt } from "drizzle-orm";
import { Gauge } from "prom-client";
import { getDb, type DbOrTx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { metric } from "@/lib/metrics/registry";
import { requireSystem } from "./require-system";
import { paymentReconciliations, type PaymentMismatch } from "./schema";

export type PaymentReconciliationReport = { ordersChecked: number; paymentsChecked: number; mismatches: PaymentMismatch[] };
export type PaymentReconciliation = { ordersChecked: number; paymentsChecked: number; mismatches: number; details: PaymentMismatch[]; checkedAt: string };

/** The last payment reconciliation's outcome (null before the first one): for the admin panel and the gauge. */
export async function paymentReconciliation(db: DbOrTx = getDb()): Promise<PaymentReconciliation | null> {
  const [row] = await db.select().from(paymentReconciliations).orderBy(desc(paymentReconciliations.checkedAt)).limit(1);
  return row
    ? { ordersChecked: row.ordersChecked, paymentsChecked: row.paymentsChecked, mismatches: row.mismatches, details: row.details, checkedAt: row.checkedAt.toISOString() }
    : null;
}

/** A scrape must not wait on a slow database: past this the gauge keeps its last value. */
const COLLECT_TIMEOUT_MS = 500;

/**
 * Paid orders and payments that disagreed at the last reconciliation (0 when healthy). Read
 * from Postgres at scrape time, so every instance reports the same value.
 */
const mismatchGauge = metric(
  "payments_reconciliation_mismatches",
  (r) =>
    new Gauge({
      name: "payments_reconciliation_mismatches",
      help: "Paid orders and payments that disagreed at the last payment reconciliation",
      registers: [r],
      async collect() {
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), COLLECT_TIMEOUT_MS).unref());
        const last = await Promise.race([paymentReconciliation().catch(() => null), timeout]);
        if (last) this.set(last.mismatches);
      },
    }),
);

const RETENTION_DAYS = 30;
/** Stored with the outcome: enough to find the rows; the count is always complete. */
const MAX_DETAILS = 200;

/** Stores a reconciliation's outcome and moves the gauge; logs the mismatches when there are any. */
export async function recordPaymentReconciliation({ ctx, input }: { ctx: Ctx; input: PaymentReconciliationReport }): Promise<PaymentReconciliation> {
  requireSystem(ctx);
  const checkedAt = ctx.now();
  const details = input.mismatches.slice(0, MAX_DETAILS);
  await ctx.db.insert(paymentReconciliations).values({
    checkedAt,
    ordersChecked: input.ordersChecked,
    paymentsChecked: input.paymentsChecked,
    mismatches: input.mismatches.length,
    details,
  });
  await ctx.db.delete(paymentReconciliations).where(lt(paymentReconciliations.checkedAt, new Date(checkedAt.getTime() - RETENTION_DAYS * 86_400_000)));
  mismatchGauge.set(input.mismatches.length);
  if (input.mismatches.length > 0) ctx.log.warn({ mismatches: input.mismatches.length, details: details.slice(0, 20) }, "payments.reconciliation_mismatch");
  return { ordersChecked: input.ordersChecked, paymentsChecked: input.paymentsChecked, mismatches: input.mismatches.length, details, checkedAt: checkedAt.toISOString() };
}
