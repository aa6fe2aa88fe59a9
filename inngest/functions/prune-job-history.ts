import { pruneJobHistory as prune } from "@/lib/jobs/prune";
import { inngest } from "../client";

/** Nightly: keeps the outbox and job run tables to recent history (every-minute crons add up). */
export const pruneJobHistory = inngest.createFunction(
  { id: "prune-job-history", retries: 2, triggers: [{ cron: "17 3 * * *" }] },
  async ({ step, ctx }) => step.run("prune", () => prune(ctx.db)),
);
