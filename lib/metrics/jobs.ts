import { sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import type { Db } from "@/lib/db/client";
import { jobsHealth } from "@/lib/jobs/health";
import { jobRuns } from "@/lib/jobs/schema";
import { metric } from "./registry";

/** Read from Postgres at scrape time: the outbox and job runs are shared by every instance. */

const gauge = (name: string, help: string) => metric(name, (r) => new Gauge({ name, help, registers: [r] }));

const backlog = gauge("jobs_backlog", "Outbox events not yet dispatched, events waiting to fill a batch, and job runs queued or running");
const oldestPending = gauge("jobs_oldest_pending_seconds", "How long the most overdue pending event or run has waited since it became due");
const retrying = gauge("jobs_retrying", "Job runs waiting for another attempt after a failed one");
const deadRecent = gauge("jobs_dead_recent", "Job runs that exhausted their attempts within the last hour");
const deadTotal = gauge("jobs_dead", "Job runs that exhausted their attempts and are still kept (dead letters)");

export async function collectJobMetrics(db: Db): Promise<void> {
  const [health, [counts]] = await Promise.all([
    jobsHealth(db),
    db.execute<{ retrying: number; dead: number }>(sql`
      select (count(*) filter (where ${jobRuns.status} in ('queued', 'running') and ${jobRuns.attempt} > 0))::int as retrying,
             (count(*) filter (where ${jobRuns.status} = 'dead'))::int as dead
      from ${jobRuns} where ${jobRuns.status} in ('queued', 'running', 'dead')`),
  ]);
  backlog.set(health.detail.backlog);
  oldestPending.set(health.detail.oldestPendingSeconds);
  deadRecent.set(health.detail.dead);
  retrying.set(counts?.retrying ?? 0);
  deadTotal.set(counts?.dead ?? 0);
}
