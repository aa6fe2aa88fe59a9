import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { eventSnapshotFact, outboxId } from "./facts";
import { requireSystem } from "./require-system";

export const eventFactNames = ["event.created", "event.published", "event.updated", "event.cancelled"] as const;

export const applyEventSnapshotInput = z.object({ outboxId, name: z.enum(eventFactNames), fact: eventSnapshotFact });

/**
 * Copies an event's descriptive snapshot (organizer, title, capacity, currency, status) onto its
 * stats row, creating the row if no booking created it first. A fact older than the stored
 * version (delivered late or retried) leaves the newer snapshot in place; counters are untouched.
 */
export async function applyEventSnapshot({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyEventSnapshotInput> }) {
  requireSystem(ctx);
  const { outboxId: id, name, fact } = applyEventSnapshotInput.parse(input);
  const now = ctx.now().toISOString();
  const applied = await applyOnce(
    ctx,
    { outboxId: id, name: name, eventId: fact.eventId, now },
    sql`
      stats as (
        insert into analytics.event_stats as s
          (event_id, organizer_id, title, capacity, currency, status, starts_at, ends_at, event_version, updated_at)
        select ${fact.eventId}, ${fact.organizerId}, ${fact.title}, ${fact.capacity}, ${fact.currency}, ${fact.status},
          ${fact.startsAt}::timestamptz, ${fact.endsAt}::timestamptz, ${fact.version}, ${now}::timestamptz
        from logged
        on conflict (event_id) do update set
          organizer_id = excluded.organizer_id,
          title = excluded.title,
          capacity = excluded.capacity,
          currency = excluded.currency,
          status = excluded.status,
          starts_at = excluded.starts_at,
          ends_at = excluded.ends_at,
          event_version = excluded.event_version,
          updated_at = excluded.updated_at
        where s.event_version <= excluded.event_version
        returning 1
      )`,
  );
  if (applied) ctx.log.debug({ eventId: fact.eventId, name, version: fact.version, outboxId: id }, "analytics.event_snapshot_applied");
  return { applied };
}
