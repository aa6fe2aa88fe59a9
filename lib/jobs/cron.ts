import { Cron } from "croner";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { maxAttempts, type Registry } from "./registry";
import { flowOf } from "./flow-control";
import { JOBS_CHANNEL, uuidFromKey } from "./outbox";
import { cronSchedules, jobRuns } from "./schema";

/** Inngest reads crons in UTC unless they start with `TZ=<zone> `. */
export function nextTick(expression: string, after: Date): Date {
  const match = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(expression.trim());
  const [pattern, timezone] = match ? [match[2]!, match[1]!] : [expression, "UTC"];
  const next = new Cron(pattern, { timezone }).nextRun(after);
  if (!next) throw new Error(`Cron "${expression}" has no next run`);
  return next;
}

/**
 * Creates the run of every cron tick that is due. Advancing `next_at` and inserting the run
 * share a transaction, and (function_id, scheduled_at) is unique, so each tick runs once however
 * many processes look. After downtime only the latest missed tick runs, not one per missed tick.
 */
export async function scheduleCronTicks(db: Db, registry: Registry, now = new Date()): Promise<number> {
  if (registry.crons.length === 0) return 0;
  await db
    .insert(cronSchedules)
    .values(registry.crons.map((c) => ({ ...c, nextAt: nextTick(c.cron, now) })))
    .onConflictDoNothing();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(cronSchedules)
      .where(and(inArray(cronSchedules.functionId, registry.crons.map((c) => c.functionId)), lte(cronSchedules.nextAt, now)))
      .for("update", { skipLocked: true });
    // A schedule whose expression was edited since is stale: the new expression has its own row.
    const due = rows.filter((r) => registry.crons.some((c) => c.functionId === r.functionId && c.cron === r.cron));
    for (const schedule of due) {
      const fn = registry.byId.get(schedule.functionId)!;
      const id = uuidFromKey(`cron:${schedule.functionId}:${schedule.nextAt.toISOString()}`);
      const event = { id, name: "inngest/scheduled.timer", data: { cron: schedule.cron }, ts: schedule.nextAt.getTime() };
      const { batchKey: _unbatched, ...flow } = flowOf(schedule.functionId, registry.flow.get(schedule.functionId)!, event);
      await tx
        .insert(jobRuns)
        .values({ functionId: schedule.functionId, scheduledAt: schedule.nextAt, event, requestId: id, maxAttempts: maxAttempts(fn), ...flow })
        .onConflictDoNothing();
      await tx
        .update(cronSchedules)
        .set({ nextAt: nextTick(schedule.cron, now) })
        .where(and(eq(cronSchedules.functionId, schedule.functionId), eq(cronSchedules.cron, schedule.cron)));
    }
    if (due.length > 0) await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
    return due.length;
  });
}
