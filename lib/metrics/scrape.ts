import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { withDeadline } from "@/lib/resilience/deadline";
import { dependencyCircuits } from "@/lib/ops/dependencies";
import { collectCircuitMetrics } from "./circuits";
import { collectDatabaseMetrics } from "./database";
import { collectJobMetrics } from "./jobs";
import { registry } from "./registry";

/** A scrape must answer even when Postgres hangs: a slow collector keeps its last values. */
const COLLECT_TIMEOUT_MS = 1_000;

function bounded(name: string, work: Promise<void>): Promise<void> {
  return withDeadline(work, COLLECT_TIMEOUT_MS).catch((err: unknown) =>
    logger.warn({ collector: name, err: err instanceof Error ? err.message : err }, "metrics.collect_failed"),
  );
}

/** Refreshes the gauges read at scrape time, then renders the whole registry. */
export async function scrapeMetrics(db: Db): Promise<string> {
  collectCircuitMetrics(dependencyCircuits());
  await Promise.all([bounded("database", collectDatabaseMetrics(db)), bounded("jobs", collectJobMetrics(db))]);
  return registry.metrics();
}

export const metricsContentType = registry.contentType;
