import { findPaymentMismatches } from "@/lib/checkout";
import { recordPaymentReconciliation } from "@/lib/domain/payments";
import { inngest } from "../client";

/**
 * Every fifteen minutes: check confirmed paid orders against succeeded payments (last 35 days)
 * and record what disagrees (expected 0). A payment recorded a moment before its order confirms
 * looks like a mismatch, so suspects are checked again after a pause and only what persists is
 * reported.
 */
export const reconcilePayments = inngest.createFunction(
  { id: "reconcile-payments", retries: 2, triggers: [{ cron: "*/15 * * * *" }] },
  async ({ step, ctx }) => {
    const first = await step.run("find-mismatches", () => findPaymentMismatches({ ctx, input: {} }));
    if (first.mismatches.length === 0) return step.run("record", () => recordPaymentReconciliation({ ctx, input: first }));
    await step.sleep("let-payments-settle", "60s");
    const orderIds = [...new Set(first.mismatches.map((m) => m.orderId))];
    const confirmed = await step.run("confirm-mismatches", () => findPaymentMismatches({ ctx, input: { orderIds } }));
    return step.run("record", () =>
      recordPaymentReconciliation({ ctx, input: { ...confirmed, ordersChecked: first.ordersChecked, paymentsChecked: first.paymentsChecked } }),
    );
  },
);
