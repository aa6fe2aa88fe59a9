import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict, Validation } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { END_AFTER_START, endsAfterStarts, eventFields } from "./event-fields";
import { eventColumns, toSnapshot, type Event, type EventRecord } from "./event-record";
import { withSalesOne } from "./event-sales";
import { invalidateAfterCommit } from "./invalidate-event-cache";
import { eventNotFound, findEventRecord, loadEventToManage } from "./load-event";
import { events } from "./schema";
import { syncInventory } from "./sync-inventory";

const EDITABLE = ["title", "description", "venue", "category", "startsAt", "endsAt", "timezone", "capacity", "priceCents", "currency", "perUserLimit", "holdMinutes", "refundHoursBeforeStart", "onlineUrl", "nameChangeDeadline", "transfersAllowed"] as const;

/** Every field optional; `version` is the one the client last saw (optimistic locking). */
export const updateEventBody = z.object({
  version: z.number().int("must be a whole number").min(1, "must be at least 1"),
  title: eventFields.title.optional(),
  description: eventFields.description.optional(),
  venue: eventFields.venue.optional(),
  category: eventFields.category.optional(),
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  timezone: eventFields.timezone.optional(),
  capacity: eventFields.capacity.optional(),
  priceCents: eventFields.priceCents.optional(),
  currency: eventFields.currency.optional(),
  perUserLimit: eventFields.perUserLimit.optional(),
  holdMinutes: eventFields.holdMinutes.optional(),
  refundHoursBeforeStart: eventFields.refundHoursBeforeStart.nullable().optional(),
  onlineUrl: eventFields.onlineUrl.nullable().optional().describe("null makes it an in-person event again"),
  nameChangeDeadline: eventFields.nameChangeDeadline.nullable().optional(),
  transfersAllowed: eventFields.transfersAllowed.optional(),
});

export const updateEventInput = updateEventBody.extend({ id: z.string() });

export const versionConflict = () =>
  new Conflict("VERSION_CONFLICT", "Someone changed this event since you loaded it. Reload it and apply your edit again.");
export const cancelledIsFinal = () => new Conflict("INVALID_STATE", "A cancelled event can no longer be edited.");

function changedFields(before: EventRecord, after: EventRecord): string[] {
  return EDITABLE.filter((field) => {
    const a = before[field];
    const b = after[field];
    return a instanceof Date && b instanceof Date ? a.getTime() !== b.getTime() : a !== b;
  });
}

/**
 * Applies a partial edit if `version` is still current. The conditional UPDATE decides, so of
 * two concurrent edits made from the same version exactly one wins and the other gets
 * VERSION_CONFLICT. Capacity below the seats sold is refused by the bookings domain inside the
 * same transaction (CAPACITY_BELOW_SOLD), which undoes the edit.
 */
export async function updateEvent({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateEventInput> }): Promise<Event> {
  const { id, version, startsAt, endsAt, nameChangeDeadline, ...fields } = updateEventInput.parse(input);
  const patch = {
    ...fields,
    ...(nameChangeDeadline === undefined ? {} : { nameChangeDeadline: nameChangeDeadline === null ? null : new Date(nameChangeDeadline) }),
    ...(startsAt === undefined ? {} : { startsAt: new Date(startsAt) }),
    ...(endsAt === undefined ? {} : { endsAt: new Date(endsAt) }),
  };
  const { before, after } = await withTransaction(ctx, async (tx) => {
    const current = await loadEventToManage(tx, ctx.actor, id);
    if (current.status === "cancelled") throw cancelledIsFinal();
    if (current.version !== version) throw versionConflict();
    const merged = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
    if (!endsAfterStarts(merged)) {
      throw new Validation("VALIDATION_FAILED", "The event must end after it starts.", [{ path: "endsAt", message: END_AFTER_START }]);
    }
    const [row] = await tx
      .update(events)
      .set({ ...patch, version: sql`${events.version} + 1`, updatedAt: ctx.now() })
      .where(and(eq(events.id, current.id), eq(events.version, version), ne(events.status, "cancelled")))
      .returning(eventColumns);
    if (!row) {
      // Another transaction committed in between: tell the caller which rule it lost to.
      const latest = await findEventRecord(tx, current.id);
      if (!latest) throw eventNotFound();
      throw latest.status === "cancelled" ? cancelledIsFinal() : versionConflict();
    }
    await syncInventory(ctx, tx, row);
    const previous = { title: current.title, venue: current.venue, startsAt: current.startsAt.toISOString(), endsAt: current.endsAt.toISOString() };
    await emit(tx, { name: "event.updated", data: { ...toSnapshot(row), changes: changedFields(current, row), previous }, requestId: ctx.requestId });
    return { before: current, after: row };
  });
  await invalidateAfterCommit(ctx, after.id);
  ctx.log.info({ eventId: after.id, version: after.version, changes: changedFields(before, after) }, "event.updated");
  return withSalesOne(ctx, after);
}
