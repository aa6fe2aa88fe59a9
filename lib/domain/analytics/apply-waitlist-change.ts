import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { outboxId, waitlistFact, waitlistFactNames, type WaitlistFactName } from "./facts";
import { requireSystem } from "./require-system";

export const applyWaitlistChangeInput = z.object({ outboxId, name: z.enum(waitlistFactNames), fact: waitlistFact });

export const applyWaitlistChangesInput = z.object({ facts: z.array(applyWaitlistChangeInput) });

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

/**
 * Moves events' waiting-entries counts by a batch of waitlist facts, in one statement behind the
 * exactly-once gate (applyOnce): the new facts are summed per event, each row updated once, in
 * event order. Returns how many facts of the batch were new.
 */
export async function applyWaitlistChanges({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyWaitlistChangesInput> }) {
  requireSystem(ctx);
  const { facts } = applyWaitlistChangesInput.parse(input);
  const now = ctx.now().toISOString();
  const rows = facts.map(({ outboxId: id, name, fact }) => ({ outbox_id: id, name, event_id: fact.eventId, delta: waitingDelta(name, fact) }));
  const applied = await applyOnce(
    ctx,
    { columns: "outbox_id uuid, name text, event_id uuid, delta int", facts: rows, now },
    sql`
      stats as (
        insert into analytics.event_stats as s (event_id, waitlist_waiting, updated_at)
        select event_id, sum(delta), ${now}::timestamptz
        from fresh group by event_id order by event_id
        on conflict (event_id) do update set
          waitlist_waiting = s.waitlist_waiting + excluded.waitlist_waiting,
          updated_at = excluded.updated_at
        returning 1
      )`,
  );
  if (applied > 0) ctx.log.debug({ applied, facts: facts.length }, "analytics.waitlist_applied");
  return { applied };
}

/** Moves an event's waiting-entries count by one waitlist fact, exactly once per outbox id. */
export async function applyWaitlistChange({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyWaitlistChangeInput> }) {
  const { applied } = await applyWaitlistChanges({ ctx, input: { facts: [input] } });
  return { applied: applied === 1 };
}
