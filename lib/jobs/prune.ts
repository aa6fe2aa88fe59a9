import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { jobRuns, outbox } from "./schema";

export const JOB_HISTORY_RETENTION = { completedDays: 7, deadDays: 30, eventDays: 7 };

const BATCH = 5_000;

/** Deletes in batches so one prune never holds many row locks or one long transaction. */
async function deleteInBatches(db: DbOrTx, statement: () => ReturnType<typeof sql>): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db.execute(statement());
    total += rows.count;
    if (rows.count < BATCH) return total;
  }
}

/**
 * Forgets finished work: completed runs after a week, dead runs after a month (time to look at
 * them), and dispatched events no run refers to any more. Undispatched events and waiting runs
 * are never touched.
 */
export async function pruneJobHistory(db: DbOrTx, retention = JOB_HISTORY_RETENTION): Promise<{ runs: number; events: number }> {
  const runs = await deleteInBatches(
    db,
    () => sql`delete from ${jobRuns} where ${jobRuns.id} in (
      select ${jobRuns.id} from ${jobRuns}
      where (${jobRuns.status} = 'completed' and ${jobRuns.finishedAt} < now() - ${retention.completedDays} * interval '1 day')
         or (${jobRuns.status} = 'dead' and ${jobRuns.finishedAt} < now() - ${retention.deadDays} * interval '1 day')
      limit ${BATCH})`,
  );
  const events = await deleteInBatches(
    db,
    () => sql`delete from ${outbox} where ${outbox.id} in (
      select o.id from ${outbox} o
      where o.dispatched_at < now() - ${retention.eventDays} * interval '1 day'
        and not exists (select 1 from ${jobRuns} r where r.outbox_id = o.id)
      limit ${BATCH})`,
  );
  return { runs, events };
}
