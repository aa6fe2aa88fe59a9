import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { withDeadline } from "@/lib/resilience/deadline";

export type CheckResult = { status: "ok" | "degraded" | "down" | "not_configured"; latencyMs: number; detail?: unknown };

/** A bounded `select 1`: a health probe must answer even when Postgres hangs. */
export async function checkDatabase(db: Db, timeoutMs = 2000): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withDeadline(db.execute(sql`select 1`), timeoutMs);
    return { status: "ok", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: "down",
      latencyMs: Math.round(performance.now() - started),
      detail: error instanceof Error ? error.message : "unreachable",
    };
  }
}
