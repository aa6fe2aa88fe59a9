import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { withTransaction } from "@/lib/db/transaction";
import type { Ctx } from "@/lib/domain/context";
import { Conflict } from "@/lib/domain/errors";
import { emit } from "@/lib/jobs/emit";
import { recordAudit } from "./audit";
import { retryOnConflict, StaleVersion } from "./retry";
import { waitlistEntries } from "./schema";
import { getEntryOrThrow } from "./waitlist-view";

export const leaveWaitlistInput = z.object({ id: z.string() });

/** Takes a waiting entry out of line (its user, the organizer or an admin). */
export async function leaveWaitlist({ ctx, input }: { ctx: Ctx; input: z.input<typeof leaveWaitlistInput> }): Promise<void> {
  const { id } = leaveWaitlistInput.parse(input);
  await retryOnConflict(async () => {
    const { entry } = await getEntryOrThrow(ctx, id);
    if (entry.status !== "waiting") throw new Conflict("INVALID_STATE", "This entry is no longer waiting.");
    await withTransaction(ctx, async (tx) => {
      const [row] = await tx
        .update(waitlistEntries)
        .set({ status: "left", version: sql`${waitlistEntries.version} + 1`, updatedAt: ctx.now() })
        .where(and(eq(waitlistEntries.id, id), eq(waitlistEntries.version, entry.version), eq(waitlistEntries.status, "waiting")))
        .returning();
      if (!row) throw new StaleVersion();
      await recordAudit(tx, ctx, [
        { eventId: row.eventId, waitlistEntryId: row.id, action: "waitlist.left", before: { status: "waiting" }, after: { status: "left" } },
      ]);
      await emit(tx, { name: "waitlist.left", data: { entryId: row.id, eventId: row.eventId, userId: row.userId, quantity: row.quantity }, requestId: ctx.requestId });
    });
  });
  ctx.log.info({ entryId: id }, "waitlist.left");
}
