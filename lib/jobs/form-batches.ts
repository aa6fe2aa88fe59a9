import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { flowOf } from "./flow-control";
import { maxAttempts, type Registry } from "./registry";
import { jobBatchItems, jobRuns } from "./schema";

type Group = { functionId: string; batchKey: string; maxSize: number };

/**
 * Gathers one batch of a group into a run, if the group is ready: full (`maxSize` events), or
 * its oldest event has waited `timeout`. The items are deleted in the transaction that inserts
 * the run holding their events, so each event belongs to exactly one run; a retried run replays
 * the same events. Returns whether a run was made.
 */
async function formBatch(db: Db, registry: Registry, group: Group): Promise<boolean> {
  return db.transaction(async (tx) => {
    const items = await tx.execute<{ seq: string; event: Record<string, unknown>; request_id: string }>(sql`
      with taken as (
        select ${jobBatchItems.seq} as seq, ${jobBatchItems.dueAt} as due_at from ${jobBatchItems}
        where ${jobBatchItems.functionId} = ${group.functionId} and ${jobBatchItems.batchKey} = ${group.batchKey}
        order by ${jobBatchItems.seq}
        limit ${group.maxSize}
        for update skip locked
      ), ready as (
        select 1 from taken having count(*) >= ${group.maxSize} or min(due_at) <= now()
      )
      delete from ${jobBatchItems}
      where ${jobBatchItems.seq} in (select seq from taken) and exists (select 1 from ready)
      returning ${jobBatchItems.seq} as seq, ${jobBatchItems.event} as event, ${jobBatchItems.requestId} as request_id`);
    if (items.length === 0) return false;
    const ordered = [...items].sort((a, b) => Number(a.seq) - Number(b.seq));
    const events = ordered.map((i) => i.event);
    const fn = registry.byId.get(group.functionId)!;
    const { batchKey: _ignored, ...flow } = flowOf(group.functionId, registry.flow.get(group.functionId)!, events[0] as never);
    await tx.insert(jobRuns).values({
      functionId: group.functionId,
      event: events[0]!,
      events,
      requestId: ordered[0]!.request_id,
      maxAttempts: maxAttempts(fn),
      ...flow,
    });
    return true;
  });
}

/** Turns every ready batch of the batched functions in `registry` into a run. Returns how many. */
export async function formBatches(db: Db, registry: Registry): Promise<number> {
  const batched = [...registry.flow].flatMap(([f, flow]) => (flow.batch ? [{ f, max: flow.batch.maxSize }] : []));
  if (batched.length === 0) return 0;
  const groups = await db.execute<{ function_id: string; batch_key: string; max: number }>(sql`
    select i.function_id, i.batch_key, p.max
    from ${jobBatchItems} i
    join jsonb_to_recordset(${JSON.stringify(batched)}::jsonb) as p(f text, max int) on p.f = i.function_id
    group by i.function_id, i.batch_key, p.max
    having count(*) >= p.max or min(i.due_at) <= now()`);
  let formed = 0;
  for (const g of groups) {
    // A group can hold several full batches, or more overdue events than one batch takes.
    while (await formBatch(db, registry, { functionId: g.function_id, batchKey: g.batch_key, maxSize: g.max })) formed++;
  }
  return formed;
}
