import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/domain/context";
import { withTransaction } from "@/lib/db/transaction";
import { requireSystem } from "./require-system";

/** How deep the stored ranking goes: the largest `limit` a reader may ask. */
export const LEADERBOARD_DEPTH = 100;

/**
 * Rebuilds top_events from event_stats: the top events per metric across the platform (drafts
 * sell nothing and are left out); revenue is ranked within each currency, since amounts in
 * different currencies do not compare. Readers
 * of a refreshing board see the old or the new ranking, never half of each (one transaction).
 */
export async function refreshLeaderboards({ ctx }: { ctx: Ctx }): Promise<{ rows: number }> {
  requireSystem(ctx);
  const now = ctx.now().toISOString();
  const rows = await withTransaction(ctx, async (tx) => {
    await tx.execute(sql`delete from analytics.top_events`);
    const inserted = await tx.execute(sql`
      insert into analytics.top_events
        (metric, event_id, organizer_id, title, currency, seats_sold, revenue_cents, capacity, overall_rank, refreshed_at)
      select metric, event_id, organizer_id, title, currency, seats_sold, revenue_cents, capacity, rank, ${now}::timestamptz
      from (
        select m.metric, s.*,
          row_number() over (partition by m.metric, case when m.metric = 'revenue' then s.currency end order by
            case when m.metric = 'seats' then s.seats_sold else s.revenue_cents end desc,
            case when m.metric = 'seats' then s.revenue_cents else s.seats_sold end desc, s.event_id)::int as rank
        from analytics.event_stats s cross join (values ('seats'), ('revenue')) as m(metric)
        where s.status is distinct from 'draft'
      ) ranked
      where rank <= ${LEADERBOARD_DEPTH}`);
    return inserted.count;
  });
  ctx.log.debug({ rows }, "analytics.leaderboards_refreshed");
  return { rows };
}
