import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import { authorize } from "@/lib/domain/auth";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { recordAudit } from "./audit";
import { retryOnConflict, StaleVersion } from "./retry";
import { waitlistEntries } from "./schema";
import { entryViews, getEntryOrThrow, type WaitlistEntryView } from "./waitlist-view";
import { eventResource } from "./event-resource";

export const changeWaitlistPriorityInput = z.object({ id: z.string(), priority: z.number().int().min(-1_000_000).max(1_000_000) });

/** The organizer (or an admin) moves a waiting entry up or down the line; audited. */
export async function changeWaitlistPriority({ ctx, input }: { ctx: Ctx; input: z.input<typeof changeWaitlistPriorityInput> }): Promise<WaitlistEntryView> {
  const i = changeWaitlistPriorityInput.parse(input);
  await retryOnConflict(async () => {
    const found = await getEntryOrThrow(ctx, i.id);
    const { entry } = found;
    authorize(ctx.actor, "waitlist:manage", eventResource(found));
    if (entry.status !== "waiting") throw new Conflict("INVALID_STATE", "Only waiting entries have a place in line.");
    if (entry.priority === i.priority) return;
    await withTransaction(ctx, async (tx) => {
      const [row] = await tx
        .update(waitlistEntries)
        .set({ priority: i.priority, version: sql`${waitlistEntries.version} + 1`, updatedAt: ctx.now() })
        .where(and(eq(waitlistEntries.id, i.id), eq(waitlistEntries.version, entry.version), eq(waitlistEntries.status, "waiting")))
        .returning();
      if (!row) throw new StaleVersion();
      await recordAudit(tx, ctx, [
        {
          eventId: row.eventId,
          waitlistEntryId: row.id,
          action: "waitlist.priority_changed",
          before: { priority: entry.priority },
          after: { priority: row.priority },
        },
      ]);
    });
  });
  const [view] = await entryViews(ctx.db, [i.id]);
  return view!;
}
