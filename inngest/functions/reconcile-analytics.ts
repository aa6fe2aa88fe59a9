import { findAnalyticsDrift, recordReconciliation } from "@/lib/domain/analytics";
import { inngest } from "../client";

/**
 * Every five minutes: recount from the bookings tables and record how many events' analytics
 * disagree (expected 0). A fact still in flight looks like drift, so suspects are checked
 * again after a pause and only what persists is reported.
 */
export const reconcileAnalytics = inngest.createFunction(
  { id: "reconcile-analytics", retries: 2, triggers: [{ cron: "*/5 * * * *" }] },
  async ({ step, ctx }) => {
    const first = await step.run("find-drift", () => findAnalyticsDrift({ ctx, input: {} }));
    if (first.driftEvents === 0) return step.run("record", () => recordReconciliation({ ctx, input: first }));
    await step.sleep("let-facts-settle", "30s");
    const confirmed = await step.run("confirm-drift", () => findAnalyticsDrift({ ctx, input: { eventIds: first.driftEventIds } }));
    return step.run("record", () => recordReconciliation({ ctx, input: { ...confirmed, eventsChecked: first.eventsChecked } }));
  },
);
