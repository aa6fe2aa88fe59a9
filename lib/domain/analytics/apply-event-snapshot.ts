import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "@/lib/domain/context";
import { applyOnce } from "./apply-once";
import { eventSnapshotFact, outboxId } from "./facts";
import { requireSystem } from "./require-system";

export const eventFactNames = ["event.created", "event.published", "event.updated", "event.cancelled"] as const;

export const applyEventSnapshotInput = z.object({ outboxId, name: z.enum(eventFactNames), fact: eventSnapshotFact });

export const applyEventSnapshotsInput = z.object({ facts: z.array(applyEventSnapshotInput) });

const COLUMNS =
  "outbox_id uuid, name text, event_id uuid, organizer_id uuid, organization_id uuid, title text, capacity int, currency text, status text, " +
  "starts_at timestamptz, ends_at timestamptz, version int";

/**
 * Copies events' descriptive snapshots (organizer, organization, title, capacity, currency, status) onto their
 * stats rows, creating a row if no booking created it first, for a batch in one statement behind
 * the exactly-once gate (applyOnce). Of several new snapshots of one event the newest wins, and
 * one older than the stored version (delivered late or retried) leaves the newer in place;
 * counters are untouched. Returns how many facts of the batch were new.
 */
export async function applyEventSnapshots({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyEventSnapshotsInput> }) {
  requireSystem(ctx);
  const { facts } = applyEventSnapshotsInput.parse(input);
  const now = ctx.now().toISOString();
  const rows = facts.map(({ outboxId: id, name, fact }) => ({
    outbox_id: id,
    name,
    event_id: fact.eventId,
    organizer_id: fact.organizerId,
    organization_id: fact.organizationId ?? null,
    title: fact.title,
    capacity: fact.capacity,
    currency: fact.currency,
    status: fact.status,
    starts_at: fact.startsAt,
    ends_at: fact.endsAt,
    version: fact.version,
  }));
  const applied = await applyOnce(
    ctx,
    { columns: COLUMNS, facts: rows, now },
    sql`
      newest as (
        select distinct on (event_id) * from fresh order by event_id, version desc
      ), stats as (
        insert into analytics.event_stats as s
          (event_id, organizer_id, organization_id, title, capacity, currency, status, starts_at, ends_at, event_version, updated_at)
        select event_id, organizer_id, organization_id, title, capacity, currency, status, starts_at, ends_at, version, ${now}::timestamptz
        from newest order by event_id
        on conflict (event_id) do update set
          organizer_id = excluded.organizer_id,
          -- A fact from before organizations names none: it must not take the event out of its organization.
          organization_id = coalesce(excluded.organization_id, s.organization_id),
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
  if (applied > 0) ctx.log.debug({ applied, facts: facts.length }, "analytics.event_snapshots_applied");
  return { applied };
}

/** Applies one event snapshot, exactly once per outbox id (a batch of one). */
export async function applyEventSnapshot({ ctx, input }: { ctx: Ctx; input: z.input<typeof applyEventSnapshotInput> }) {
  const { applied } = await applyEventSnapshots({ ctx, input: { facts: [input] } });
  return { applied: applied === 1 };
}
