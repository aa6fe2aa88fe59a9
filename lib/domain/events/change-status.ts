import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { eventColumns, toSnapshot, type Event } from "./event-record";
import { withSalesOne } from "./event-sales";
import { invalidateAfterCommit } from "./invalidate-event-cache";
import { eventNotFound, findEventRecord, loadEventToManage } from "./load-event";
import { events, type EventStatus } from "./schema";
import { syncInventory } from "./sync-inventory";

type Transition = {
  to: Exclude<EventStatus, "draft">;
  from: EventStatus[];
  fact: "event.published" | "event.cancelled";
  stamp: "publishedAt" | "cancelledAt";
  refusal: (current: EventStatus) => string;
  /** Refuse (INVALID_STATE) an event whose end has passed, decided by the same UPDATE. */
  notEnded?: { refusal: string };
  /** Other columns the transition writes with it (a cancellation's reason). */
  also?: { cancellationReason: string | null };
};

/**
 * Moves an event along its lifecycle with one conditional UPDATE (`WHERE status IN (from)`),
 * so two concurrent publishes or cancels cannot both succeed: the loser gets INVALID_STATE.
 * The seat inventory follows in the same transaction and the fact goes to the outbox.
 */
export async function changeStatus(ctx: Ctx, id: string, t: Transition): Promise<Event> {
  const record = await withTransaction(ctx, async (tx) => {
    const current = await loadEventToManage(tx, ctx.actor, id);
    const now = ctx.now();
    const [row] = await tx
      .update(events)
      .set({ ...t.also, status: t.to, [t.stamp]: now, version: sql`${events.version} + 1`, updatedAt: now })
      .where(and(eq(events.id, current.id), inArray(events.status, t.from), t.notEnded ? gt(events.endsAt, now) : undefined))
      .returning(eventColumns);
    if (!row) {
      const latest = await findEventRecord(tx, current.id);
      if (!latest) throw eventNotFound();
      const ended = t.notEnded && t.from.includes(latest.status) && latest.endsAt <= now;
      throw new Conflict("INVALID_STATE", ended ? t.notEnded!.refusal : t.refusal(latest.status));
    }
    await syncInventory(ctx, tx, row);
    await emit(tx, { name: t.fact, data: toSnapshot(row), requestId: ctx.requestId });
    return row;
  });
  await invalidateAfterCommit(ctx, record.id);
  ctx.log.info({ eventId: record.id, version: record.version }, t.fact);
  return withSalesOne(ctx, record);
}
