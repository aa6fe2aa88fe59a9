import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";

/**
 * The exactly-once gate every fact goes through, as one statement: the event_log insert comes
 * first as the `logged` CTE, and `deltas` (further CTEs, each selecting `from logged`) change the
 * stats. A fact seen before inserts no log row, so its deltas select nothing; each hot stats row
 * is locked only for this statement. Returns whether this call applied the fact.
 */
export async function applyOnce(ctx: Ctx, fact: { outboxId: string; name: string; eventId: string; now: string }, deltas: SQL): Promise<boolean> {
  const rows = await ctx.db.execute<{ applied: number }>(sql`
    with logged as (
      insert into analytics.event_log (outbox_id, name, event_id, applied_at)
      values (${fact.outboxId}, ${fact.name}, ${fact.eventId}, ${fact.now}::timestamptz)
      on conflict (outbox_id) do nothing
      returning outbox_id
    ), ${deltas}
    select count(*)::int as applied from logged`);
  return rows[0]!.applied === 1;
}
