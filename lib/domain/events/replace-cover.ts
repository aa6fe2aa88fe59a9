import { eq } from "drizzle-orm";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { deleteImage, type ImageRef } from "@/lib/domain/media";
import { eventColumns, type Event } from "./event-record";
import { withSalesOne } from "./event-sales";
import { invalidateAfterCommit } from "./invalidate-event-cache";
import { eventNotFound, loadEventToManage } from "./load-event";
import { events } from "./schema";
import { cancelledIsFinal } from "./update-event";

/**
 * Points the event at `cover` (or none) under a row lock, so of two concurrent changes the
 * later one wins and the image it replaced is the one deleted: no image is left unreferenced.
 * The cover is not an optimistic-locking field (the version is unchanged): it never conflicts
 * with an edit of the text.
 */
export async function replaceCover(ctx: Ctx, id: string, cover: ImageRef | null): Promise<Event> {
  const { row, previous } = await withTransaction(ctx, async (tx) => {
    const current = await loadEventToManage(tx, ctx.actor, id);
    const [locked] = await tx.select({ status: events.status, coverImage: events.coverImage }).from(events).where(eq(events.id, current.id)).for("update");
    if (!locked) throw eventNotFound();
    if (locked.status === "cancelled") throw cancelledIsFinal();
    const [updated] = await tx.update(events).set({ coverImage: cover, updatedAt: ctx.now() }).where(eq(events.id, current.id)).returning(eventColumns);
    return { row: updated!, previous: locked.coverImage };
  });
  if (previous) await deleteImage({ ctx, input: { id: previous.id } });
  await invalidateAfterCommit(ctx, row.id);
  return withSalesOne(ctx, row);
}

