import { desc, lt } from "drizzle-orm";
import { Gauge } from "prom-client";
import { getDb, type DbOrTx } from "@/lib/db/client";
import type { Ctx } from "@/lib/domain/context";
import { metric } from "@/lib/metrics/registry";
import type { DriftReport } from "./find-analytics-drift";
import { requireSystem } from "./require-system";
import { reconciliations } from "./schema";

export type AnalyticsDrift = { driftEvents: number; eventsChecked: number; checkedAt: string };

/** The last reconciliation's outcome (null before the first one): for health checks and the admin panel. */
export async function analyticsDrift(db: DbOrTx = getDb()): Promise<AnalyticsDrift | null> {
  const [row] = await db.select().from(reconciliations).orderBy(desc(reconciliations.checkedAt)).limit(1);
  return row ? { driftEvents: row.driftEvents, eventsChecked: row.eventsChecked, checkedAt: row.checkedAt.toISOString() } : null;
}

/** A scrape must not wait on a slow database: past this the gauge keeps its last value. */
const COLLECT_TIMEOUT_MS = 500;

/**
 * Events whose analytics disagree with the bookings tables at the last reconciliation (0 when
 * healthy). Read from Postgres at scrape time, so every instance reports the same value.
 */
const driftGauge = metric(
  "analytics_drift_events",
  (r) =>
    new Gauge({
      name: "analytics_drift_events",
      help: "Events whose analytics disagreed with the bookings tables at the last reconciliation",
      registers: [r],
      async collect() {
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), COLLECT_TIMEOUT_MS).unref());
        const last = await Promise.race([analyticsDrift().catch(() => null), timeout]);
        if (last) this.set(last.driftEvents);
      },
    }),
);

const RETENTION_DAYS = 30;

/** Stores a reconciliation's outcome and moves the gauge; logs the disagreements when there are any. */
export async function recordReconciliation({ ctx, input }: { ctx: Ctx; input: DriftReport }): Promise<AnalyticsDrift> {
  requireSystem(ctx);
  const checkedAt = ctx.now();
  await ctx.db.insert(reconciliations).values({
    checkedAt,
    eventsChecked: input.eventsChecked,
    driftEvents: input.driftEvents,
    details: input.details,
  });
  await ctx.db.delete(reconciliations).where(lt(reconciliations.checkedAt, new Date(checkedAt.getTime() - RETENTION_DAYS * 86_400_000)));
  driftGauge.set(input.driftEvents);
  if (input.driftEvents > 0) ctx.log.warn({ driftEvents: input.driftEvents, details: input.details.slice(0, 20) }, "analytics.drift_detected");
  return { driftEvents: input.driftEvents, eventsChecked: input.eventsChecked, checkedAt: checkedAt.toISOString() };
}
