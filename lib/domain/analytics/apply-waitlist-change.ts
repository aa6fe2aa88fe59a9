import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { outboxId, waitlistFact, waitlistFactNames, type WaitlistFactName } from "./facts";
import { requireSystem } from "./require-system";

export const applyWaitlistChangeInput = z.object({ outboxId, name: z.enum(waitlistFactNames), fact: waitlistFact });

/** `waitlistWaiting` counts waiting entries (not seats), as `waitlist.closed` reports entries. */
function waitingDelta(name: WaitlistFactName, fact: z.output<typeof waitlistFact>): number {
  switch (name) {
    case "waitlist.joined":
      return 1;
    case "waitlist.left":
    case "waitlist.promoted":
      return -1;
    case "waitlist.closed":
      return -(fact.entries ?? 0);
  }
}

/** Moves an event's waiting-entries count by one waitlist fact, exactly once per outbox id. */
export async function applyWaitlistChange({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyWaitlistChangeInput> }) {
  requireSystem(ctx);
  const { outboxId: id, name, fact } = applyWaitlistChangeInput.parse(input);
  const delta = waitingDelta(name, fact);
  const now = ctx.now().toISOString();
  const applied = await applyOnce(
    ctx,
    { outboxId: id, name: name, eventId: fact.eventId, now },
    sql`
      stats as (
        insert into analytics.event_stats as s (event_id, waitlist_waiting, updated_at)
        select ${fact.eventId}, ${delta}::int, ${now}::timestamptz
        from logged
        on conflict (event_id) do update set
          waitlist_waiting = s.waitlist_waiting + excluded.waitlist_waiting,
          updated_at = excluded.updated_at
        returning 1
      )`,
  );
  if (applied) ctx.log.debug({ eventId: fact.eventId, name, delta, outboxId: id }, "analytics.waitlist_applied");
  return { applied };
}
