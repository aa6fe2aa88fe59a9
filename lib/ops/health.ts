import type { Db } from "@/lib/db/client";
import { pingRedis } from "@/lib/redis/client";
import { checkDatabase, type CheckResult } from "./check-database";

export type Health = {
  status: "ok" | "degraded" | "down";
  checks: { database: CheckResult; redis: CheckResult };
};

/**
 * Postgres decides (down → the app is down); Redis only accelerates, so without it the app
 * is `degraded`, not down.
 */
export async function checkHealth(db: Db): Promise<Health> {
  const [database, redis] = await Promise.all([checkDatabase(db), pingRedis()]);
  const status = database.status !== "ok" ? "down" : redis.status === "ok" ? "ok" : "degraded";
  return { status, checks: { database, redis } };
}
