import { sql } from "drizzle-orm";
import { Gauge } from "prom-client";
import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { metric } from "./registry";

/**
 * Pool usage as Postgres sees it, read at scrape time from pg_stat_activity: postgres.js keeps
 * its pool counters private, and one query per scrape costs nothing on the request path. The
 * figures cover every Evently process on this database (application_name 'evently'), which is
 * what a saturated database is about; `db_pool_max_connections` is this process's own cap.
 */

const connections = metric(
  "db_connections",
  (r) =>
    new Gauge({
      name: "db_connections",
      help: "Connections of Evently processes to this database by state (active = in use by a query or transaction)",
      labelNames: ["state"],
      registers: [r],
    }),
);
const lockWaits = metric(
  "db_connections_waiting",
  (r) =>
    new Gauge({
      name: "db_connections_waiting",
      help: "Evently connections whose query waits on a lock (e.g. a hot event's seat row)",
      registers: [r],
    }),
);
const poolMax = metric(
  "db_pool_max_connections",
  (r) => new Gauge({ name: "db_pool_max_connections", help: "This process's pool size (DATABASE_POOL_MAX)", registers: [r] }),
);
const roundTrip = metric(
  "db_roundtrip_seconds",
  (r) =>
    new Gauge({
      name: "db_roundtrip_seconds",
      help: "Round trip of the scrape's own pg_stat_activity query: a cheap sample of database latency",
      registers: [r],
    }),
);

const STATES = ["active", "idle", "idle_in_transaction"] as const;

export async function collectDatabaseMetrics(db: Db): Promise<void> {
  const started = performance.now();
  const rows = await db.execute<{ state: string | null; connections: number; waiting: number }>(sql`
    select replace(coalesce(state, 'unknown'), ' ', '_') as state,
           count(*)::int as connections,
           (count(*) filter (where wait_event_type = 'Lock'))::int as waiting
    from pg_stat_activity
    where datname = current_database() and application_name = 'evently' and pid <> pg_backend_pid()
    group by 1`);
  roundTrip.set((performance.now() - started) / 1000);
  poolMax.set(env.DATABASE_POOL_MAX);
  connections.reset();
  for (const state of STATES) connections.set({ state }, 0);
  let waiting = 0;
  for (const row of rows) {
    connections.set({ state: row.state ?? "unknown" }, row.connections);
    waiting += row.waiting;
  }
  lockWaits.set(waiting);
}
