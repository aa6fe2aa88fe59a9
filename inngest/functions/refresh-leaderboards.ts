import { captureSystemMetrics, refreshLeaderboards as rebuildLeaderboards } from "@/lib/domain/analytics";
import { inngest } from "../client";

/** Every minute: re-rank the leaderboards the dashboards read, and snapshot the system KPIs. */
export const refreshLeaderboards = inngest.createFunction(
  { id: "refresh-leaderboards", retries: 2, triggers: [{ cron: "* * * * *" }] },
  async ({ step, ctx }) => {
    const leaderboards = await step.run("refresh-leaderboards", () => rebuildLeaderboards({ ctx }));
    const snapshot = await step.run("capture-system-metrics", () => captureSystemMetrics({ ctx }));
    return { leaderboards, snapshot };
  },
);
