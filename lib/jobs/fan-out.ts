import { asc, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { toInngestEvent } from "./event-payload";
import { flowOf } from "./flow-control";
import { JOBS_CHANNEL, markDispatched } from "./outbox";
import { functionId, maxAttempts, type Registry } from "./registry";
import { jobBatchItems, jobRuns, outbox } from "./schema";

/**
 * Turns undispatched outbox rows into one queued run per triggered function, or, for a function
 * with `batchEvents`, into a batch item that formBatches later gathers into a run. Flow-control
 * expressions are evaluated here, once. The unique (function_id, outbox_id) of both tables makes
 * a repeat harmless; SKIP LOCKED lets several processes share the backlog. Returns how many
 * events were dispatched.
 */
export async function fanOut(db: Db, registry: Registry, batchSize = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(isNull(outbox.dispatchedAt))
      .orderBy(asc(outbox.occurredAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (rows.length === 0) return 0;
    const runs: (typeof jobRuns.$inferInsert)[] = [];
    const items: (typeof jobBatchItems.$inferInsert)[] = [];
    for (const row of rows) {
      const event = toInngestEvent(row);
      for (const fn of registry.triggeredBy(row.name)) {
        const id = functionId(fn);
        const flow = registry.flow.get(id)!;
        const { batchKey, ...columns } = flowOf(id, flow, event);
        if (flow.batch) {
          // Inngest times a batch from its first event's arrival.
          const dueAt = new Date(row.createdAt.getTime() + flow.batch.timeoutMs);
          items.push({ functionId: id, batchKey, outboxId: row.id, event, requestId: row.requestId, dueAt });
        } else {
          // Due since the event arrived, so runs of events written earlier keep their place in the queue.
          const runAt = row.createdAt;
          runs.push({ functionId: id, outboxId: row.id, event, requestId: row.requestId, maxAttempts: maxAttempts(fn), runAt, ...columns });
        }
      }
    }
    if (runs.length > 0) await tx.insert(jobRuns).values(runs).onConflictDoNothing();
    if (items.length > 0) await tx.insert(jobBatchItems).values(items).onConflictDoNothing();
    // Idle workers of other processes wake to share the new runs (or to form a full batch).
    if (runs.length + items.length > 0) await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
    await markDispatched(tx, rows.map((r) => r.id));
    return rows.length;
  });
}
