import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { authorize } from "@/lib/domain/auth/policy";
import { jobRuns } from "./schema";

/**
 * How a run that is not finished looks to an operator. The table only knows queued/running/dead;
 * the rest is read from the attempt count and the due time: a queued run with a failed attempt
 * behind it is retrying, one due later without a failure is sleeping (step.sleep).
 */
export type JobRunState = "pending" | "running" | "retrying" | "sleeping" | "dead";

export type JobListItem = {
  id: string;
  state: JobRunState;
  functionId: string;
  eventName: string;
  /** Attempts used of the current step, and how many it gets. */
  attempt: number;
  maxAttempts: number;
  /** When a waiting run is due (its lease's end while running); null for a dead run. */
  nextRunAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
};

export type JobCounts = Record<JobRunState, number>;

export const LAST_ERROR_MAX_CHARS = 200;

export const listJobsInput = z.object({
  /** Waiting runs (every state but dead), due first; or dead runs, most recently dead first. */
  view: z.enum(["waiting", "dead"]).default("waiting"),
  limit: z.number().int().min(1).max(200).default(50),
});

export type ListJobsInput = z.input<typeof listJobsInput>;

const stateSql = sql<JobRunState>`case
  when ${jobRuns.status} = 'dead' then 'dead'
  when ${jobRuns.status} = 'running' then 'running'
  when ${jobRuns.attempt} > 0 then 'retrying'
  when ${jobRuns.runAt} > now() then 'sleeping'
  else 'pending' end`;

function describeError(error: Record<string, unknown> | null): string | null {
  if (!error) return null;
  const message = typeof error.message === "string" ? error.message : JSON.stringify(error);
  const text = typeof error.name === "string" && error.name !== "Error" ? `${error.name}: ${message}` : message;
  return text.length > LAST_ERROR_MAX_CHARS ? `${text.slice(0, LAST_ERROR_MAX_CHARS - 1)}…` : text;
}

/**
 * Runs an operator may need to look at. Each view reads one index (the partial due index for
 * waiting runs, status + finished_at for dead ones), so the completed history, by far the
 * largest part of the table, is never scanned.
 */
export async function listJobs({ ctx, input }: { ctx: Ctx; input: ListJobsInput }): Promise<JobListItem[]> {
  authorize(ctx.actor, "jobs:manage");
  const { view, limit } = listJobsInput.parse(input);
  const columns = {
    id: jobRuns.id,
    state: stateSql,
    functionId: jobRuns.functionId,
    eventName: sql<string>`coalesce(${jobRuns.event}->>'name', '')`,
    attempt: jobRuns.attempt,
    maxAttempts: jobRuns.maxAttempts,
    runAt: jobRuns.runAt,
    lockedUntil: jobRuns.lockedUntil,
    lastError: jobRuns.lastError,
    createdAt: jobRuns.createdAt,
    finishedAt: jobRuns.finishedAt,
  };
  const rows =
    view === "dead"
      ? await ctx.db.select(columns).from(jobRuns).where(eq(jobRuns.status, "dead")).orderBy(desc(jobRuns.finishedAt)).limit(limit)
      : await ctx.db
          .select(columns)
          .from(jobRuns)
          .where(inArray(jobRuns.status, ["queued", "running"]))
          .orderBy(asc(jobRuns.runAt))
          .limit(limit);
  return rows.map(({ runAt, lockedUntil, lastError, ...row }) => ({
    ...row,
    nextRunAt: row.state === "dead" ? null : row.state === "running" ? lockedUntil : runAt,
    lastError: describeError(lastError),
  }));
}

/** How many runs are in each state; completed runs are not counted (they are history). */
export async function countJobs({ ctx }: { ctx: Ctx }): Promise<JobCounts> {
  authorize(ctx.actor, "jobs:manage");
  const rows = await ctx.db
    .select({ state: stateSql, n: sql<number>`count(*)::int` })
    .from(jobRuns)
    .where(inArray(jobRuns.status, ["queued", "running", "dead"]))
    .groupBy(stateSql);
  const counts: JobCounts = { pending: 0, running: 0, retrying: 0, sleeping: 0, dead: 0 };
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}
