import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";

/** Every fact row handed to the gate carries at least these (snake_case, as the SQL reads them). */
export type GatedFact = { outbox_id: string; name: string; event_id: string };

/**
 * The exactly-once gate every batch of facts goes through, as one statement. `input` is the
 * batch as a record set with `columns` (SQL column definitions, beginning with
 * `outbox_id uuid, name text, event_id uuid`). The event_log insert comes first as the `logged`
 * CTE and returns only the outbox ids never seen before; `fresh` is the input rows of those ids,
 * and `deltas` (further CTEs, each selecting `from fresh`) change the stats. A fact seen before
 * (a retried step, a re-delivered event, a concurrent batch holding it too) moves nothing; each
 * hot stats row is locked only for this statement. Returns how many facts this call applied.
 */
export async function applyOnce<Fact extends GatedFact>(
  ctx: Ctx,
  batch: { columns: string; facts: Fact[]; now: string },
  deltas: SQL,
): Promise<number> {
  if (batch.facts.length === 0) return 0;
  const rows = await ctx.db.execute<{ applied: number }>(sql`
    with input as (
      select distinct on (outbox_id) *
      from jsonb_to_recordset(${JSON.stringify(batch.facts)}::jsonb) as f(${sql.raw(batch.columns)})
      order by outbox_id
    ), logged as (
      insert into analytics.event_log (outbox_id, name, event_id, applied_at)
      select outbox_id, name, event_id, ${batch.now}::timestamptz from input order by outbox_id
      on conflict (outbox_id) do nothing
      returning outbox_id
    ), fresh as (
      select input.* from input join logged using (outbox_id)
    ), ${deltas}
    select count(*)::int as applied from logged`);
  return rows[0]!.applied;
}
