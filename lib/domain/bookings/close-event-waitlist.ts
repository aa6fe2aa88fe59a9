import { sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { emit } from "@/lib/jobs/emit";
import { actorIdOf } from "./audit";

export const closeEventWaitlistInput = z.object({ eventId: z.uuid() });

/**
 * Ends the line of a cancelled event: every waiting entry becomes `closed`, each with its audit
 * row, in one statement; `waitlist.closed` says how many. Closing again closes nothing.
 */
export async function closeEventWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof closeEventWaitlistInput> }) {
  const { eventId } = closeEventWaitlistInput.parse(input);
  authorize(ctx.actor, "event:manage");
  const at = ctx.now().toISOString();
  const closed = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.execute<{ closed: number }>(sql`
      with closed as (
        update bookings.waitlist_entries
           set status = 'closed', version = version + 1, updated_at = ${at}::timestamptz
         where event_id = ${eventId}::uuid and status = 'waiting'
        returning id
      ), audit as (
        insert into bookings.audit_log (event_id, waitlist_entry_id, action, actor_id, before, after, request_id, at)
        select ${eventId}::uuid, id, 'waitlist.closed', ${actorIdOf(ctx.actor)}::uuid,
               '{"status":"waiting"}'::jsonb, '{"status":"closed"}'::jsonb, ${ctx.requestId}::text, ${at}::timestamptz
        from closed
      )
      select count(*)::int as closed from closed`);
    const count = row?.closed ?? 0;
    if (count > 0) await emit(tx, { name: "waitlist.closed", data: { eventId, entries: count }, requestId: ctx.requestId });
    return count;
  });
  if (closed > 0) ctx.log.info({ eventId, closed }, "waitlist.closed");
  return { closed };
}
