import type { Db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { jobsHealth } from "@/lib/jobs/health";
import { mailTransport } from "@/lib/mail/transport";
import type { CircuitStatus } from "@/lib/resilience/circuit";
import { withDeadline } from "@/lib/resilience/deadline";
import { checkDatabase, type CheckResult } from "./check-database";
import { checkRedis } from "./check-redis";
import { checkWorkers, type WorkersCheck } from "./check-workers";
import { dependencyCircuits } from "./dependencies";

export type Health = {
  status: "ok" | "degraded" | "down";
  checks: { database: CheckResult; redis: CheckResult; jobs: CheckResult; workers: CheckResult };
  /** Each remote dependency's circuit: `open` means calls to it fail fast for now. */
  circuits: Record<string, CircuitStatus>;
  /** Why the status is not `ok`, in words. */
  reasons: string[];
  /** Deliberate configuration that reduces function (not a fault). */
  notes: string[];
};

const JOBS_TIMEOUT_MS = 2_000;

async function checkJobs(db: Db): Promise<CheckResult> {
  const started = performance.now();
  try {
    return await withDeadline(jobsHealth(db), JOBS_TIMEOUT_MS);
  } catch (error) {
    return { status: "down", latencyMs: Math.round(performance.now() - started), detail: error instanceof Error ? error.message : "unreachable" };
  }
}

function configurationNotes(redis: CheckResult, workers: WorkersCheck): string[] {
  const notes: string[] = [];
  if (redis.status === "not_configured") notes.push("Redis is not configured: no shared cache, rate limits count per process.");
  if (env.RATE_LIMITS === "off") notes.push("Rate limits are off (RATE_LIMITS=off).");
  if (mailTransport() === "mailbox") notes.push("Mail goes to the built-in mailbox, not SMTP (SMTP_URL is not set).");
  if (workers.note) notes.push(workers.note);
  if (env.JOBS_WORKER === "inline") notes.push("Jobs run inside this web process (JOBS_WORKER=inline): fine for a small install, slower under load.");
  return notes;
}

/**
 * Postgres decides (down → the app is down). Redis only accelerates and jobs run behind the
 * outbox, so their trouble (or no live jobs worker while work waits), or any open circuit, makes
 * the app `degraded`, not down.
 */
export async function checkHealth(db: Db): Promise<Health> {
  const [database, redis, jobs, workers] = await Promise.all([checkDatabase(db), checkRedis(), checkJobs(db), checkWorkers(db)]);
  const circuits = Object.fromEntries(dependencyCircuits().map((c) => [c.name, c.status()]));

  const reasons: string[] = [];
  if (database.status !== "ok") reasons.push(`Postgres is unreachable: ${String(database.detail ?? "no answer")}`);
  // Running without Redis is a choice (a note), Redis configured but failing is a fault (a reason).
  if (redis.status !== "ok" && redis.status !== "not_configured") reasons.push(`Redis is unavailable (${String(redis.detail)}): serving without cache, rate limits count per process.`);
  if (workers.reason) reasons.push(workers.reason);
  if (jobs.status !== "ok") reasons.push(`Background jobs are behind or failing: ${JSON.stringify(jobs.detail)}`);
  for (const circuit of dependencyCircuits()) {
    if (circuit.name !== "redis" && circuit.status() !== "closed") {
      reasons.push(`${circuit.name} is failing (${circuit.reason() ?? "trial in progress"}): its calls fail fast and are retried later.`);
    }
  }

  const status = database.status !== "ok" ? "down" : reasons.length > 0 ? "degraded" : "ok";
  return { status, checks: { database, redis, jobs, workers: workers.check }, circuits, reasons, notes: configurationNotes(redis, workers) };
}
