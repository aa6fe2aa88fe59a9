import { pruneJobHistory as prune } from "@/lib/jobs/prune";
import { jobHistoryRetention } from "@/lib/ops/retention";
import { inngest } from "../client";

/** Nightly: keeps the outbox and job run tables to recent history (every-minute crons add up). */
export const pruneJobHistory = inngest.createFunction(
  { id: "prune-job-history", retries: 2, triggers: [{ cron: "17 3 * * *" }] },
  async ({ step, ctx }) =>
    step.run("prune", () => {
      const retention = jobHistoryRetention();
      return retention ? prune(ctx.db, retention) : { runs: 0, events: 0 };
    }),
);
