import { applyRetentionRule, retentionRules } from "@/lib/ops/retention";
import { inngest } from "../client";

/** Daily at 03:47 UTC (off the hour, after the job history prune): delete what is past its retention. */
export const applyRetention = inngest.createFunction(
  { id: "apply-retention", retries: 3, triggers: [{ cron: "47 3 * * *" }] },
  async ({ step, ctx }) => {
    const outcomes = [];
    for (const rule of retentionRules()) {
      outcomes.push(await step.run(`purge-${rule.name}`, () => applyRetentionRule(ctx, rule)));
    }
    return outcomes;
  },
);
