import { asc, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { toInngestEvent } from "./event-payload";
import { JOBS_CHANNEL, markDispatched } from "./outbox";
import { functionId, maxAttempts, type Registry } from "./registry";
import { jobRuns, outbox } from "./schema";

/**
 * Turns undispatched outbox rows into one queued run per triggered function. The unique
 * (function_id, outbox_id) makes a repeat harmless; SKIP LOCKED lets several processes share
 * the backlog. Returns how many events were dispatched.
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
    const runs = rows.flatMap((row) =>
      registry.triggeredBy(row.name).map((fn) => ({
        functionId: functionId(fn),
        outboxId: row.id,
        event: toInngestEvent(row),
        requestId: row.requestId,
        maxAttempts: maxAttempts(fn),
      })),
    );
    if (runs.length > 0) {
      await tx.insert(jobRuns).values(runs).onConflictDoNothing();
      // Idle workers of other processes wake to share the new runs.
      await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
    }
    await markDispatched(tx, rows.map((r) => r.id));
    return rows.length;
  });
}
